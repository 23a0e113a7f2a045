using LearningStack.Graphs;
using LearningStack.MapFormats;

namespace LearningStack.Cli;

/// <summary>
/// A map as a signed digraph: one node per element, one arc per directed connection and two (one each way) per
/// mutual or undirected one. Sign +1 for "same", -1 for "opposite", 0 for a connection without polarity.
/// </summary>
public sealed class MapGraph
{
    private MapGraph(MapDocument document, SignedDigraph graph, int[] arcConnections, int unsigned)
    {
        Document = document;
        Graph = graph;
        ArcConnections = arcConnections;
        ConnectionsWithoutPolarity = unsigned;
    }

    public MapDocument Document { get; }

    public SignedDigraph Graph { get; }

    /// <summary>For each arc (edge id) the index of the connection in <see cref="MapDocument.Connections"/> it comes from.</summary>
    public IReadOnlyList<int> ArcConnections { get; }

    /// <summary>How many connections have no polarity (their arcs have sign 0).</summary>
    public int ConnectionsWithoutPolarity { get; }

    public static MapGraph From(MapDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.Elements.Count; i++)
        {
            index[document.Elements[i].Id] = i;
        }
        var edges = new List<SignedEdge>(document.Connections.Count);
        var arcConnections = new List<int>(document.Connections.Count);
        var unsigned = 0;
        for (var i = 0; i < document.Connections.Count; i++)
        {
            var connection = document.Connections[i];
            var sign = connection.Polarity switch
            {
                Polarity.Same => 1,
                Polarity.Opposite => -1,
                null => 0,
            };
            unsigned += sign == 0 ? 1 : 0;
            var from = index[connection.From];
            var to = index[connection.To];
            edges.Add(new SignedEdge(from, to, sign));
            arcConnections.Add(i);
            if (connection.Direction != ConnectionDirection.Directed && from != to)
            {
                edges.Add(new SignedEdge(to, from, sign));
                arcConnections.Add(i);
            }
        }
        return new MapGraph(document, new SignedDigraph(document.Elements.Count, edges), [.. arcConnections], unsigned);
    }

    /// <summary>
    /// The node a person means by <paramref name="idOrLabel"/>: the element with that id, else the one element with
    /// that label (ignoring case). Null with a message when none or several match.
    /// </summary>
    public (int? Node, string? Error) Find(string idOrLabel)
    {
        var elements = Document.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Id == idOrLabel)
            {
                return (i, null);
            }
        }
        var matches = Enumerable.Range(0, elements.Count)
            .Where(i => string.Equals(elements[i].Label.Trim(), idOrLabel.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"no factor has the id or label '{idOrLabel}'."),
            _ => (null, $"several factors have the label '{idOrLabel}'; give one's id instead: {string.Join(", ", matches.Select(i => elements[i].Id))}."),
        };
    }
}
