namespace LearningStack.Graphs.Loops;

/// <summary>
/// A resumable search for the elementary NODE cycles of an <see cref="ArcGraph"/> of at most
/// <c>maxLength</c> arcs; each call to <see cref="MoveNext"/> finds the next one (a self-loop arc counts as a cycle
/// of length 1). The caller expands a node cycle into its edge cycles.
/// <para>
/// Starts are taken in ascending node order and each start's search stays in the nodes above it that share its
/// strongly connected component and lie on some closed walk of at most maxLength arcs through it, so every cycle
/// is found once, from its smallest node, and cycles come out in lexicographic order of their node sequences.
/// Where the bound cannot bite (it is at least the number of such nodes) the search is Johnson's (1975), with
/// blocked nodes and B-lists; otherwise it is the bounded search of Gupta and Suzumura (2021), where a node's lock
/// is the path length from which it cannot close a short enough cycle, relaxed along the B-lists when a cycle is
/// found. B-list membership "v in B[w]" is a stamp on the arc v→w. With a through-node, the only start is that
/// node and the search covers its whole component.
/// </para>
/// </summary>
internal sealed class CycleSearch
{
    private const int CancellationInterval = 4096;

    private readonly ArcGraph _g;
    private readonly int _maxLength;
    private readonly int _through;
    private readonly CancellationToken _cancellationToken;

    // Per node.
    private readonly int[] _active;      // == _stamp: in the current start's search
    private readonly int[] _seen;        // == _stamp: reached by the backward BFS
    private readonly int[] _seenForward; // == _stamp: reached by the forward BFS
    private readonly int[] _forward;     // shortest distance from the start
    private readonly int[] _backward;    // shortest distance to the start
    private readonly int[] _lock;        // bounded search
    private readonly bool[] _blocked;    // Johnson's search
    private readonly bool[] _onPath;
    private readonly int[] _queue;
    private readonly int[] _rowStart;    // the start's own rows: active node v's arcs to active nodes are
    private readonly int[] _rowEnd;      // _rowTo/_rowArc[_rowStart[v].._rowEnd[v]-1], ascending by target

    // Per arc slot of the start's rows.
    private readonly int[] _rowTo;
    private readonly int[] _rowArc;

    // Per arc: == _stamp when the arc's source is in its target's B-list.
    private readonly int[] _mark;

    // Per depth (the start is depth 0).
    private readonly int[] _pathNode;
    private readonly int[] _nextArc;
    private readonly int[] _arcIn;
    private readonly bool[] _found;
    private readonly long[] _total;
    private readonly long[] _nonZero;
    private readonly long[] _difference;

    private int[] _relax = new int[64];

    private int _stamp;
    private int _nextStart;
    private int _start = -1;
    private int _top = -1;
    private bool _bounded;
    private int _limit;              // the bound in force for this start
    private bool _selfLoopPending;
    private int _steps;

    public CycleSearch(ArcGraph graph, int maxLength, int? throughNode, CancellationToken cancellationToken)
    {
        _g = graph;
        var n = graph.NodeCount;
        _maxLength = Math.Min(maxLength, Math.Max(n, 1));
        _through = throughNode ?? -1;
        _cancellationToken = cancellationToken;
        _active = new int[n];
        _seen = new int[n];
        _seenForward = new int[n];
        _forward = new int[n];
        _backward = new int[n];
        _lock = new int[n];
        _blocked = new bool[n];
        _onPath = new bool[n];
        _queue = new int[n];
        _rowStart = new int[n];
        _rowEnd = new int[n];
        _rowTo = new int[graph.RegularArcCount];
        _rowArc = new int[graph.RegularArcCount];
        _mark = new int[graph.RegularArcCount];
        var depth = Math.Min(_maxLength, n) + 1;
        _pathNode = new int[depth];
        _nextArc = new int[depth];
        _arcIn = new int[depth];
        _found = new bool[depth];
        _total = new long[depth];
        _nonZero = new long[depth];
        _difference = new long[depth];
        _nextStart = _through >= 0 ? _through : 0;
    }

    /// <summary>Arcs in the current cycle (= nodes).</summary>
    public int Length { get; private set; }

    /// <summary>The arc closing the current cycle (from its last node back to its first).</summary>
    public int ClosingArc { get; private set; }

    /// <summary>The i-th arc of the current cycle; arc i leaves <see cref="NodeAt"/>(i).</summary>
    public int ArcAt(int i) => i == Length - 1 ? ClosingArc : _arcIn[i + 1];

    public int NodeAt(int i) => _pathNode[i];

    /// <summary>
    /// The current node cycle's number of edge cycles, how many have no unknown sign, and (reinforcing - balancing).
    /// </summary>
    public void Classify(out long total, out long nonZero, out long difference)
    {
        var depth = Length - 1;
        var arc = ClosingArc;
        total = checked(_total[depth] * _g.Multiplicity[arc]);
        nonZero = _nonZero[depth] * _g.NonZero[arc];
        difference = _difference[depth] * _g.SignDifference[arc];
    }

    /// <summary>Finds the next node cycle; false when there are no more.</summary>
    public bool MoveNext()
    {
        var rowTo = _rowTo;
        while (true)
        {
            if (_top < 0)
            {
                if (!BeginNextStart())
                {
                    return false;
                }
            }

            if (_selfLoopPending)
            {
                _selfLoopPending = false;
                Length = 1;
                ClosingArc = _g.SelfArc[_start];
                return true;
            }

            var top = _top;
            var v = _pathNode[top];
            var end = _rowEnd[v];
            var pos = _nextArc[top];
            var pushed = false;
            for (; pos < end; pos++)
            {
                var w = rowTo[pos];
                if (++_steps == CancellationInterval)
                {
                    _steps = 0;
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                if (w == _start)
                {
                    _found[top] = true;
                    _nextArc[top] = pos + 1;
                    Length = top + 1;
                    ClosingArc = _rowArc[pos];
                    return true;
                }

                if (_bounded
                    ? top + 1 < _lock[w] && top + 1 + _backward[w] <= _limit
                    : !_blocked[w])
                {
                    _nextArc[top] = pos + 1;
                    Push(w, _rowArc[pos]);
                    pushed = true;
                    break;
                }
            }

            if (!pushed)
            {
                Pop();
            }
        }
    }

    private void Push(int w, int arc)
    {
        var depth = ++_top;
        _pathNode[depth] = w;
        _nextArc[depth] = _rowStart[w];
        _arcIn[depth] = arc;
        _found[depth] = false;
        _onPath[w] = true;
        _total[depth] = checked(_total[depth - 1] * _g.Multiplicity[arc]);
        _nonZero[depth] = _nonZero[depth - 1] * _g.NonZero[arc];
        _difference[depth] = _difference[depth - 1] * _g.SignDifference[arc];
        if (_bounded)
        {
            _lock[w] = depth + 1;
        }
        else
        {
            _blocked[w] = true;
        }
    }

    private void Pop()
    {
        var depth = _top--;
        if (depth == 0)
        {
            return; // the start: this start's search is over
        }

        var v = _pathNode[depth];
        _onPath[v] = false;
        if (_found[depth])
        {
            _found[depth - 1] = true;
            if (_bounded)
            {
                Relax(v);
            }
            else
            {
                Unblock(v);
            }
        }
        else
        {
            // v could not close a cycle from here: put it in the B-list of each of its successors.
            for (int i = _rowStart[v], end = _rowEnd[v]; i < end; i++)
            {
                _mark[_rowArc[i]] = _stamp;
            }
        }
    }

    /// <summary>Johnson's unblock: v and, transitively, the blocked nodes in B-lists.</summary>
    private void Unblock(int v)
    {
        var stack = _relax;
        var count = 0;
        _blocked[v] = false;
        stack[count++] = v;
        var inStart = _g.InStart;
        var inArcs = _g.InArcs;
        var arcFrom = _g.ArcFrom;
        while (count > 0)
        {
            var u = stack[--count];
            for (int i = inStart[u], end = inStart[u + 1]; i < end; i++)
            {
                var a = inArcs[i];
                if (_mark[a] != _stamp)
                {
                    continue;
                }

                _mark[a] = 0;
                var x = arcFrom[a];
                if (_blocked[x])
                {
                    _blocked[x] = false;
                    stack = Ensure(count);
                    stack[count++] = x;
                }
            }
        }
    }

    /// <summary>
    /// Gupta and Suzumura's relaxation: v, just left after closing a cycle, may be entered again at any depth; a
    /// node k steps before it along B-lists may be entered where k more arcs still fit under the bound.
    /// </summary>
    private void Relax(int v)
    {
        var stack = _relax;
        var count = 0;
        stack[count++] = v;
        stack[count++] = 1;
        var inStart = _g.InStart;
        var inArcs = _g.InArcs;
        var arcFrom = _g.ArcFrom;
        var limit = _limit;
        while (count > 0)
        {
            var distance = stack[--count];
            var u = stack[--count];
            var unlock = limit - distance + 1;
            if (_lock[u] >= unlock)
            {
                continue;
            }

            _lock[u] = unlock;
            for (int i = inStart[u], end = inStart[u + 1]; i < end; i++)
            {
                var a = inArcs[i];
                if (_mark[a] != _stamp)
                {
                    continue;
                }

                var x = arcFrom[a];
                if (!_onPath[x] && _lock[x] < unlock - 1)
                {
                    stack = Ensure(count + 1);
                    stack[count++] = x;
                    stack[count++] = distance + 1;
                }
            }
        }
    }

    private int[] Ensure(int index)
    {
        if (index >= _relax.Length)
        {
            Array.Resize(ref _relax, _relax.Length * 2);
        }

        return _relax;
    }

    /// <summary>Sets up the next start that can have a cycle; false when there is none.</summary>
    private bool BeginNextStart()
    {
        var n = _g.NodeCount;
        while (_nextStart < n)
        {
            if (_through >= 0 && _nextStart != _through)
            {
                _nextStart = n;
                break;
            }

            var s = _nextStart++;
            _cancellationToken.ThrowIfCancellationRequested();
            var hasSelfLoop = _g.SelfArc[s] >= 0;
            var component = _g.Component[s];
            if (_g.ComponentSize[component] == 1 || _maxLength < 2)
            {
                if (hasSelfLoop)
                {
                    BeginSelfLoopOnly(s);
                    return true;
                }

                continue;
            }

            var count = Prepare(s, component);
            if (count < 2)
            {
                if (hasSelfLoop)
                {
                    BeginSelfLoopOnly(s);
                    return true;
                }

                continue;
            }

            _start = s;
            _bounded = _maxLength < count;
            _limit = _bounded ? _maxLength : count;
            _top = 0;
            _pathNode[0] = s;
            _nextArc[0] = _rowStart[s];
            _found[0] = false;
            _total[0] = 1;
            _nonZero[0] = 1;
            _difference[0] = 1;
            _onPath[s] = true;
            _lock[s] = 1;
            _blocked[s] = true;
            _selfLoopPending = hasSelfLoop;
            return true;
        }

        return false;
    }

    private void BeginSelfLoopOnly(int s)
    {
        _start = s;
        _top = -1;
        _selfLoopPending = true;
        _pathNode[0] = s;
        _total[0] = 1;
        _nonZero[0] = 1;
        _difference[0] = 1;
    }

    /// <summary>
    /// Marks active the nodes that can be on a cycle of at most the bound through s: in s's component, at or above s
    /// (unless s is the through-node), with distance from s plus distance back to s within the bound. Returns how many.
    /// </summary>
    private int Prepare(int s, int component)
    {
        _stamp++;
        var stamp = _stamp;
        var minNode = _through >= 0 ? 0 : s;
        var comp = _g.Component;
        var arcTo = _g.ArcTo;
        var arcFrom = _g.ArcFrom;
        var outStart = _g.OutStart;
        var inStart = _g.InStart;
        var inArcs = _g.InArcs;

        // Backward BFS: distance to s. _seen == stamp marks reached.
        var head = 0;
        var tail = 0;
        _queue[tail++] = s;
        _seen[s] = stamp;
        _backward[s] = 0;
        while (head < tail)
        {
            var u = _queue[head++];
            var d = _backward[u] + 1;
            for (int i = inStart[u], end = inStart[u + 1]; i < end; i++)
            {
                var x = arcFrom[inArcs[i]];
                if (x >= minNode && comp[x] == component && _seen[x] != stamp)
                {
                    _seen[x] = stamp;
                    _backward[x] = d;
                    _queue[tail++] = x;
                }
            }
        }

        // Forward BFS over the backward-reached nodes: a node is active when both distances fit the bound.
        var limit = _maxLength;
        head = 0;
        tail = 0;
        _queue[tail++] = s;
        _forward[s] = 0;
        _seenForward[s] = stamp;
        _active[s] = stamp;
        var count = 1;
        while (head < tail)
        {
            var u = _queue[head++];
            var d = _forward[u] + 1;
            if (d >= limit)
            {
                continue; // a node one more arc away could not get back in time
            }

            for (int a = outStart[u], end = outStart[u + 1]; a < end; a++)
            {
                var w = arcTo[a];
                if (_seen[w] != stamp || _seenForward[w] == stamp)
                {
                    continue;
                }

                _seenForward[w] = stamp;
                _forward[w] = d;
                if (d + _backward[w] <= limit)
                {
                    _active[w] = stamp;
                    _lock[w] = limit;
                    _blocked[w] = false;
                    _onPath[w] = false;
                    count++;
                    _queue[tail++] = w;
                }
            }
        }

        // The start's own rows: only arcs between active nodes, so the search never skips one.
        var slot = 0;
        for (var i = 0; i < tail; i++)
        {
            var u = _queue[i];
            _rowStart[u] = slot;
            for (int a = outStart[u], end = outStart[u + 1]; a < end; a++)
            {
                if (_active[arcTo[a]] == stamp)
                {
                    _rowTo[slot] = arcTo[a];
                    _rowArc[slot++] = a;
                }
            }

            _rowEnd[u] = slot;
        }

        return count;
    }
}
