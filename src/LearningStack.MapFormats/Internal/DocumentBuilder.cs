namespace LearningStack.MapFormats.Internal;

/// <summary>
/// Gathers what a reader found and makes the document: unique ids, connection ends resolved to elements,
/// the size limits. Kumu's rules are options: ends may name an element by ID or label, and an end that names
/// no element creates one.
/// </summary>
internal sealed class DocumentBuilder(ProblemList problems, bool kumuRules)
{
    private readonly List<(MapElement Element, Where At)> _elements = [];
    private readonly List<PendingConnection> _connections = [];
    private bool _tooManyElements;
    private bool _tooManyConnections;

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public ProblemList Problems => problems;

    public FieldReader Reader { get; } = new(problems);

    /// <summary>True when reading on is pointless: too many problems, or a size limit was passed.</summary>
    public bool Stop => problems.Full || _tooManyElements || _tooManyConnections;

    public void Add(MapElement element, Where at)
    {
        if (_elements.Count >= ImportLimits.MaxElements)
        {
            if (!_tooManyElements)
            {
                _tooManyElements = true;
                problems.Add(at, $"The map has more than {ImportLimits.MaxElements:N0} elements, the most one import takes.");
            }
            return;
        }
        _elements.Add((element, at));
    }

    public void Add(PendingConnection connection)
    {
        if (_connections.Count >= ImportLimits.MaxConnections)
        {
            if (!_tooManyConnections)
            {
                _tooManyConnections = true;
                problems.Add(connection.FromAt.At(null),
                    $"The map has more than {ImportLimits.MaxConnections:N0} connections, the most one import takes.");
            }
            return;
        }
        _connections.Add(connection);
    }

    public void AddRange(IEnumerable<PendingConnection> connections)
    {
        foreach (var connection in connections)
        {
            Add(connection);
        }
    }

    /// <summary>The document, or null when any problem was found (then every problem is in the list).</summary>
    public MapDocument? Build()
    {
        var elements = new List<MapElement>(_elements.Count);
        var byId = new Dictionary<string, (MapElement Element, Where At)>(StringComparer.Ordinal);
        foreach (var (element, at) in _elements)
        {
            if (byId.TryGetValue(element.Id, out var first))
            {
                problems.Add(at, $"Duplicate ID '{element.Id}': it is already used {Describe(first.At)}.");
                continue;
            }
            byId.Add(element.Id, (element, at));
            elements.Add(element);
        }

        // Kumu: an end may name an element by label; a label shared by several elements is ambiguous.
        var byLabel = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (kumuRules)
        {
            foreach (var element in elements)
            {
                byLabel[element.Label] = byLabel.ContainsKey(element.Label) ? null : element.Id;
            }
        }

        var connections = new List<MapConnection>(_connections.Count);
        var connectionIds = new Dictionary<string, Where>(StringComparer.Ordinal);
        foreach (var pending in _connections)
        {
            var connection = pending.Connection;
            if (connection.Id is { } id && !connectionIds.TryAdd(id, pending.IdAt))
            {
                problems.Add(pending.IdAt, $"Duplicate connection ID '{id}': it is already used {Describe(connectionIds[id])}.");
            }
            var from = Resolve(connection.From, pending.FromAt, byId, byLabel, elements);
            var to = Resolve(connection.To, pending.ToAt, byId, byLabel, elements);
            if (from is not null && to is not null)
            {
                connections.Add(connection with { From = from, To = to });
            }
        }
        if (elements.Count > ImportLimits.MaxElements && !_tooManyElements)
        {
            problems.Add($"With the elements that connections create, the map has more than {ImportLimits.MaxElements:N0} elements, the most one import takes.");
        }

        return problems.Count > 0 ? null : new MapDocument(Name, Kind, elements, connections);
    }

    private string? Resolve(string reference, Where at, Dictionary<string, (MapElement Element, Where At)> byId,
        Dictionary<string, string?> byLabel, List<MapElement> elements)
    {
        if (byId.ContainsKey(reference))
        {
            return reference;
        }
        if (!kumuRules)
        {
            problems.Add(at, $"No element has the id '{reference}'.");
            return null;
        }
        if (byLabel.TryGetValue(reference, out var id))
        {
            if (id is null)
            {
                problems.Add(at, $"Several elements have the label '{reference}': name the element by its ID.");
            }
            return id;
        }
        // Kumu creates the elements a connection names but no element row has.
        var created = new MapElement { Id = reference, Label = reference };
        byId.Add(reference, (created, at));
        byLabel[reference] = reference;
        elements.Add(created);
        return reference;
    }

    private static string Describe(Where at) =>
        (at.Sheet, at.Row) switch
        {
            (not null, not null) => $"on sheet '{at.Sheet}' row {at.Row}",
            (null, not null) => $"on line {at.Row}",
            (not null, null) => $"on sheet '{at.Sheet}'",
            _ => at.Column is null ? "earlier" : $"at {at.Column}",
        };
}
