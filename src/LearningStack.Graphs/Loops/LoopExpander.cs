namespace LearningStack.Graphs.Loops;

/// <summary>
/// Expands the current node cycle of a <see cref="CycleSearch"/> into its edge cycles: one per choice of parallel
/// edge at each hop, in lexicographic order of the choices.
/// </summary>
internal sealed class LoopExpander
{
    private readonly ArcGraph _g;
    private readonly int[] _arcs;
    private readonly int[] _nodes;
    private readonly int[] _choice;
    private int _length;

    public LoopExpander(ArcGraph graph)
    {
        _g = graph;
        var size = Math.Max(graph.NodeCount, 1);
        _arcs = new int[size];
        _nodes = new int[size];
        _choice = new int[size];
    }

    /// <summary>Moves to the first edge cycle of the search's current node cycle.</summary>
    public void Begin(CycleSearch search)
    {
        _length = search.Length;
        for (var i = 0; i < _length; i++)
        {
            _arcs[i] = search.ArcAt(i);
            _nodes[i] = search.NodeAt(i);
            _choice[i] = 0;
        }
    }

    /// <summary>Moves to the next edge cycle of the same node cycle; false when there is none.</summary>
    public bool MoveNext()
    {
        for (var i = _length - 1; i >= 0; i--)
        {
            var arc = _arcs[i];
            if (++_choice[i] < _g.EdgeStart[arc + 1] - _g.EdgeStart[arc])
            {
                return true;
            }

            _choice[i] = 0;
        }

        return false;
    }

    private int EdgeAt(int i) => _g.EdgeIds[_g.EdgeStart[_arcs[i]] + _choice[i]];

    /// <summary>The polarity of the current edge cycle.</summary>
    public LoopPolarity Polarity()
    {
        var sign = 1;
        for (var i = 0; i < _length; i++)
        {
            sign *= _g.Edges[EdgeAt(i)].Sign;
        }

        return sign switch
        {
            > 0 => LoopPolarity.Reinforcing,
            < 0 => LoopPolarity.Balancing,
            _ => LoopPolarity.Undetermined,
        };
    }

    /// <summary>The current edge cycle as a <see cref="Loop"/>, rotated to start at its smallest node.</summary>
    public Loop Current()
    {
        var first = 0;
        for (var i = 1; i < _length; i++)
        {
            if (_nodes[i] < _nodes[first])
            {
                first = i;
            }
        }

        var edgeIds = new int[_length];
        var nodes = new int[_length];
        for (var i = 0; i < _length; i++)
        {
            var j = (first + i) % _length;
            edgeIds[i] = EdgeAt(j);
            nodes[i] = _nodes[j];
        }

        return new Loop(edgeIds, nodes, Polarity());
    }
}
