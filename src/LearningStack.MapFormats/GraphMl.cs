using System.Xml;
using System.Xml.Linq;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats;

/// <summary>
/// GraphML: nodes and edges whose attributes are declared by &lt;key&gt; elements (attr.name says which field).
/// Read with DTD processing prohibited and no resolver, so no external entity is ever fetched or expanded.
/// yEd's node graphics give a label and a position when a node has no label of its own.
/// </summary>
internal static class GraphMl
{
    private static readonly XNamespace Ns = "http://graphml.graphdrawing.org/xmlns";

    private sealed record Key(string Name, string For, string? Default, bool NodeGraphics);

    public static void Read(byte[] bytes, DocumentBuilder builder)
    {
        var problems = builder.Problems;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = ImportLimits.MaxUnpackedBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A refused DTD comes without a position: find its line in the bytes.
            var line = e.LineNumber > 0 ? e.LineNumber : LineOf(bytes, "<!DOCTYPE"u8);
            problems.Add(new ImportProblem(null, line > 0 ? line : null, null,
                e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                    ? "The file declares a document type (<!DOCTYPE …>), which is refused: GraphML needs none, and it could make the reader fetch or expand outside content."
                    : $"The file is not well-formed XML: {e.Message}"));
            return;
        }
        var root = document.Root;
        if (root is null || root.Name.LocalName != "graphml")
        {
            problems.Add(new ImportProblem(null, Line(root), null, $"The file is XML but not GraphML: its root element is <{root?.Name.LocalName}>, not <graphml>."));
            return;
        }
        var keys = Keys(root);
        foreach (var hyperedge in root.Descendants().Where(e => e.Name.LocalName == "hyperedge").Take(1))
        {
            problems.Add(new ImportProblem(null, Line(hyperedge), "hyperedge", "Hyperedges (one edge joining many nodes) cannot be imported; use ordinary edges."));
        }
        var graph = root.Elements().FirstOrDefault(e => e.Name.LocalName == "graph");
        if (graph is null)
        {
            problems.Add(new ImportProblem(null, Line(root), null, "The GraphML file has no <graph>."));
            return;
        }
        foreach (var (name, value) in Data(graph, keys, "graph"))
        {
            switch (Values.NormalName(name))
            {
                case "name": builder.Name = Values.Blank(value.Text); break;
                case "kind": builder.Kind = Kind(value, problems); break;
                default: break;
            }
        }
        foreach (var node in graph.Descendants().Where(e => e.Name.LocalName == "node"))
        {
            ReadNode(node, keys, builder);
            if (builder.Stop)
            {
                return;
            }
        }
        foreach (var edge in graph.Descendants().Where(e => e.Name.LocalName == "edge"))
        {
            ReadEdge(edge, keys, builder);
            if (builder.Stop)
            {
                return;
            }
        }
    }

    private static string? Kind(Field value, ProblemList problems)
    {
        var kind = Values.Blank(value.Text)?.ToLowerInvariant();
        if (kind is null or MapDocument.ActorMap or MapDocument.FactorMap)
        {
            return kind;
        }
        problems.Add(value.At, $"Unknown map kind '{value.Text}': use {MapDocument.ActorMap} or {MapDocument.FactorMap}.");
        return null;
    }

    private static Dictionary<string, Key> Keys(XElement root)
    {
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal);
        foreach (var key in root.Elements().Where(e => e.Name.LocalName == "key"))
        {
            if ((string?)key.Attribute("id") is not { } id)
            {
                continue;
            }
            var name = (string?)key.Attribute("attr.name") is { Length: > 0 } attrName ? XmlConvert.DecodeName(attrName) : id;
            var graphics = key.Attributes().Any(a => a.Name.LocalName == "yfiles.type" && (a.Value is "nodegraphics" or "edgegraphics"));
            var defaultValue = key.Elements().FirstOrDefault(e => e.Name.LocalName == "default")?.Value;
            keys[id] = new Key(name, (string?)key.Attribute("for") ?? "all", defaultValue, graphics);
        }
        return keys;
    }

    /// <summary>The data of a node, edge or graph by attribute name, with the keys' defaults for what it leaves out.</summary>
    private static List<(string Name, Field Value)> Data(XElement owner, Dictionary<string, Key> keys, string domain)
    {
        var data = new List<(string, Field)>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in owner.Elements().Where(e => e.Name.LocalName == "data"))
        {
            var keyId = (string?)item.Attribute("key") ?? "";
            given.Add(keyId);
            if (keys.TryGetValue(keyId, out var key) && key.NodeGraphics)
            {
                continue;
            }
            var name = key?.Name ?? keyId;
            data.Add((name, new Field(name, item.Value, null, new Where(null, Line(item), name))));
        }
        foreach (var (id, key) in keys)
        {
            if (key.Default is not null && !given.Contains(id) && (key.For == domain || key.For == "all"))
            {
                data.Add((key.Name, new Field(key.Name, key.Default, null, new Where(null, Line(owner), key.Name))));
            }
        }
        return data;
    }

    private static void ReadNode(XElement node, Dictionary<string, Key> keys, DocumentBuilder builder)
    {
        var at = new Where(null, Line(node), null);
        if (Values.Blank((string?)node.Attribute("id")) is not { } id)
        {
            builder.Problems.Add(at.At("id"), "A node has no id.");
            return;
        }
        var bag = new List<Field> { new("id", id, null, at.At("id")) };
        bag.AddRange(Data(node, keys, "node").Select(d => d.Value));
        var hasLabel = bag.Any(f => Fields.ElementField(f.Name) == Fields.Label);
        if (!hasLabel && bag.FindIndex(f => Values.NormalName(f.Name) == "name") is var nameIndex and >= 0)
        {
            bag[nameIndex] = bag[nameIndex] with { Name = "label" };
            hasLabel = true;
        }
        var graphics = YedGraphics(node, keys);
        if (!hasLabel)
        {
            bag.Add(new Field("label", graphics.Label ?? id, null, at.At("label")));
        }
        if (graphics.X is not null && !bag.Any(f => Fields.ElementField(f.Name) == Fields.X))
        {
            bag.Add(new Field("x", graphics.X, null, at.At("x")));
            bag.Add(new Field("y", graphics.Y, null, at.At("y")));
        }
        if (Fields.ToElement(bag, at, builder.Reader) is { } element)
        {
            builder.Add(element.Element, element.IdAt);
        }
    }

    /// <summary>yEd keeps a node's label and position inside its nodegraphics data.</summary>
    private static (string? Label, string? X, string? Y) YedGraphics(XElement node, Dictionary<string, Key> keys)
    {
        var graphics = node.Elements()
            .Where(e => e.Name.LocalName == "data" && keys.TryGetValue((string?)e.Attribute("key") ?? "", out var key) && key.NodeGraphics)
            .SelectMany(e => e.Descendants()).ToList();
        var label = graphics.FirstOrDefault(e => e.Name.LocalName == "NodeLabel") is { } nodeLabel ? Values.Blank(nodeLabel.Value) : null;
        var geometry = graphics.FirstOrDefault(e => e.Name.LocalName == "Geometry");
        return (label, (string?)geometry?.Attribute("x"), (string?)geometry?.Attribute("y"));
    }

    private static void ReadEdge(XElement edge, Dictionary<string, Key> keys, DocumentBuilder builder)
    {
        var at = new Where(null, Line(edge), null);
        var bag = new List<Field>
        {
            new("from", (string?)edge.Attribute("source"), null, at.At("source")),
            new("to", (string?)edge.Attribute("target"), null, at.At("target")),
        };
        if ((string?)edge.Attribute("id") is { } id)
        {
            bag.Add(new Field("id", id, null, at.At("id")));
        }
        var data = Data(edge, keys, "edge").Select(d => d.Value).ToList();
        bag.AddRange(data);
        if (!data.Any(f => Fields.ConnectionField(f.Name) == Fields.Direction))
        {
            var directed = (string?)edge.Attribute("directed")
                ?? (edge.Ancestors().FirstOrDefault(e => e.Name.LocalName == "graph")?.Attribute("edgedefault")?.Value == "undirected" ? "false" : "true");
            bag.Add(new Field("direction", directed == "false" ? "undirected" : "directed", null, at.At("directed")));
        }
        builder.AddRange(Fields.ToConnections(bag, at, builder.Reader, kumu: false));
    }

    private static int LineOf(byte[] bytes, ReadOnlySpan<byte> text)
    {
        var at = bytes.AsSpan().IndexOf(text);
        return at < 0 ? 0 : bytes.AsSpan(0, at).Count((byte)'\n') + 1;
    }

    private static int? Line(XObject? item) => item is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    // ---- writing ----------------------------------------------------------------------------------------

    public static void Write(MapDocument document, Stream output)
    {
        var elementColumns = Fields.ElementColumns.Where(c => document.Elements.Any(e => c.Text(e) is not null)).ToList();
        var connectionColumns = Fields.ConnectionColumns(kumu: false)
            .Where(c => c.Name != Fields.Direction && document.Connections.Any(x => c.Text(x) is not null)).ToList();
        var mutual = document.Connections.Any(c => c.Direction == ConnectionDirection.Mutual);
        var elementExtras = Fields.ExtraKeys(document.Elements, e => e.Extra);
        var connectionExtras = Fields.ExtraKeys(document.Connections, c => c.Extra);

        var keys = new List<XElement>();
        string Declare(string domain, string name, string type)
        {
            var id = $"d{keys.Count}";
            keys.Add(new XElement(Ns + "key", new XAttribute("id", id), new XAttribute("for", domain),
                new XAttribute("attr.name", XmlConvert.EncodeNmToken(name)), new XAttribute("attr.type", type)));
            return id;
        }
        var nameKey = document.Name is null ? null : Declare("graph", "name", "string");
        var kindKey = document.Kind is null ? null : Declare("graph", "kind", "string");
        var labelKey = Declare("node", "label", "string");
        var elementKeys = elementColumns.Select(c => (Column: c, Id: Declare("node", c.CamelName, c.Number is null ? "string" : "double"))).ToList();
        var elementExtraKeys = elementExtras.Select(k => (Name: k, Id: Declare("node", Fields.ExtraName(k, forConnection: false), "string"))).ToList();
        var directionKey = mutual ? Declare("edge", "direction", "string") : null;
        var connectionKeys = connectionColumns.Select(c => (Column: c,
            Id: Declare("edge", c.CamelName, c.IsBoolean ? "boolean" : c.Number is null ? "string" : "int"))).ToList();
        var connectionExtraKeys = connectionExtras.Select(k => (Name: k, Id: Declare("edge", Fields.ExtraName(k, forConnection: true), "string"))).ToList();

        static XElement? Data(string? key, string? value) =>
            key is null || value is null ? null : new XElement(Ns + "data", new XAttribute("key", key), XmlSafe.Text(value));

        var graph = new XElement(Ns + "graph", new XAttribute("id", "G"), new XAttribute("edgedefault", "directed"),
            Data(nameKey, document.Name), Data(kindKey, document.Kind));
        foreach (var element in document.Elements)
        {
            graph.Add(new XElement(Ns + "node", new XAttribute("id", XmlSafe.Text(element.Id)),
                Data(labelKey, element.Label),
                elementKeys.Select(k => Data(k.Id, k.Column.Text(element))),
                elementExtraKeys.Select(k => Data(k.Id, element.Extra.GetValueOrDefault(k.Name)))));
        }
        foreach (var connection in document.Connections)
        {
            graph.Add(new XElement(Ns + "edge",
                connection.Id is null ? null : new XAttribute("id", XmlSafe.Text(connection.Id)),
                new XAttribute("source", XmlSafe.Text(connection.From)), new XAttribute("target", XmlSafe.Text(connection.To)),
                connection.Direction == ConnectionDirection.Directed ? null : new XAttribute("directed", "false"),
                Data(directionKey, connection.Direction == ConnectionDirection.Mutual ? "mutual" : null),
                connectionKeys.Select(k => Data(k.Id, k.Column.IsBoolean ? (k.Column.Text(connection) is null ? null : "true") : k.Column.Text(connection))),
                connectionExtraKeys.Select(k => Data(k.Id, connection.Extra.GetValueOrDefault(k.Name)))));
        }
        var xsi = XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance");
        var root = new XElement(Ns + "graphml",
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XAttribute(xsi + "schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
            keys, graph);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

}
