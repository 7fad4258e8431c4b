using System.Runtime.InteropServices;
using EmotionNet.Onnx.Proto;
using Google.Protobuf;

namespace EmotionNet.Onnx.Graph;

/// <summary>
/// Appends nodes and initializers to an ONNX graph with fresh value names, so the code that lays out
/// the network reads as a sequence of operators rather than protobuf plumbing.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private int counter;

    public GraphProto Graph { get; } = new();

    /// <summary>A float initializer stored as little-endian raw bytes (the compact form ONNX Runtime maps directly).</summary>
    public string Floats(string name, long[] dims, float[] values)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; exporting on a big-endian machine is not supported.");
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A float scalar (0-d) initializer.</summary>
    public string Scalar(string name, float value) => Floats(name, [], [value]);

    /// <summary>A 1-d int64 initializer (shapes, axes).</summary>
    public string Int64s(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A 0-d int64 initializer (a Gather index).</summary>
    public string Int64Scalar(string name, long value)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.Add(value);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Node(string opType, string[] inputs, string outputHint, params AttributeProto[] attributes) =>
        Node(opType, inputs, [outputHint], attributes)[0];

    /// <summary>Adds a node with several outputs (an empty hint leaves that optional output unset).</summary>
    public string[] Node(string opType, string[] inputs, string[] outputHints, params AttributeProto[] attributes)
    {
        var outputs = outputHints.Select(h => h.Length == 0 ? "" : Unique(h)).ToArray();
        var node = new NodeProto { OpType = opType, Name = Unique(opType + "_node") };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return outputs;
    }

    /// <summary>Names a value exactly (graph inputs and outputs keep their published names).</summary>
    public string Reserve(string name) => names.Add(name) ? name : throw new InvalidOperationException($"The value name '{name}' is already used.");

    public static AttributeProto Attribute(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Attribute(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Attribute(string name, string value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A float tensor type with named (dynamic) or fixed dimensions.</summary>
    public static ValueInfoProto FloatValue(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d is string symbol ? new TensorShapeProto.Types.Dimension { DimParam = symbol } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private string Unique(string hint)
    {
        var name = hint;
        while (!names.Add(name)) name = $"{hint}_{++counter}";
        return name;
    }
}
