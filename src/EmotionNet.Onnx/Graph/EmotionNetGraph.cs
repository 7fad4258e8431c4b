using EmotionNet.Core;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Onnx.Proto;
using EmotionNet.Torch.Models;
using static EmotionNet.Onnx.Graph.GraphBuilder;

namespace EmotionNet.Onnx.Graph;

/// <summary>
/// Lays out <see cref="EmotionNetModel"/>'s inference forward pass as ONNX operators (opset 17), in the
/// order the TorchSharp module computes it, so the two agree to float rounding:
/// normalize, per-frame conv stack (BatchNorm folded), global average pool, the LSTM over frames,
/// temporal pooling, the linear classifier, softmax. Dropout is the identity at inference and is left out.
/// </summary>
internal static class EmotionNetGraph
{
    /// <summary>The ONNX operator set the graph is written against.</summary>
    public const long Opset = 17;

    public static GraphProto Build(ModelConfig config, ModelWeights weights, InputNormalization normalization)
    {
        var g = new GraphBuilder();
        var input = g.Reserve(OnnxMetadataKeys.InputName);
        var output = g.Reserve(OnnxMetadataKeys.OutputName);
        g.Graph.Name = "EmotionNet";
        g.Graph.Input.Add(FloatValue(input, "batch", "frames", 1, FaceImage.Side, FaceImage.Side));
        g.Graph.Output.Add(FloatValue(output, "batch", config.NumClasses));

        // (b / 255 - mean) / std as b * scale + offset, the same two float operations as InputNormalization.Normalize.
        var scale = 1f / (255f * normalization.Std);
        var offset = -normalization.Mean / normalization.Std;
        var x = normalization.StretchContrast ? Stretch(g, input) : input;
        x = g.Node("Mul", [x, g.Scalar("normalize_scale", scale)], "scaled");
        x = g.Node("Add", [x, g.Scalar("normalize_offset", offset)], "normalized");
        // (N, T, 1, 48, 48) -> (N*T, 1, 48, 48): every frame through the same conv stack.
        x = g.Node("Reshape", [x, g.Int64s("frames_shape", -1, 1, FaceImage.Side, FaceImage.Side)], "frames");

        for (var block = 0; block < config.ConvWidths.Count; block++)
        {
            for (var conv = 1; conv <= config.ConvsPerBlock; conv++)
            {
                var prefix = $"encoder.blocks.{block}.layers.";
                var w = weights[$"{prefix}conv{conv}.weight"];
                var (folded, bias) = BatchNormFolding.Fold(w, weights[$"{prefix}bn{conv}.weight"], weights[$"{prefix}bn{conv}.bias"],
                    weights[$"{prefix}bn{conv}.running_mean"], weights[$"{prefix}bn{conv}.running_var"], weights.Eps($"{prefix}bn{conv}"));
                var name = $"block{block + 1}_conv{conv}";
                x = g.Node("Conv", [x, g.Floats(name + "_weight", w.Shape, folded), g.Floats(name + "_bias", [w.Shape[0]], bias)], name,
                    Ints("kernel_shape", 3L, 3L), Ints("pads", 1L, 1L, 1L, 1L), Ints("strides", 1L, 1L));
                x = Activate(g, x, config.Activation, name);
            }
            x = g.Node("MaxPool", [x], $"block{block + 1}_pool", Ints("kernel_shape", 2L, 2L), Ints("strides", 2L, 2L));
        }
        x = g.Node("GlobalAveragePool", [x], "frame_pool");
        x = g.Node("Flatten", [x], "frame_features", Attribute("axis", 1L));                                  // (N*T, F)

        // (N*T, F) -> (N, T, F) with N and T read from the input, then time-major (T, N, F) for ONNX's LSTM.
        var batchAndFrames = g.Node("Shape", [input], "batch_and_frames", Attribute("start", 0L), Attribute("end", 2L));
        var sequenceShape = g.Node("Concat", [batchAndFrames, g.Int64s("minus_one", -1)], "sequence_shape", Attribute("axis", 0L));
        x = g.Node("Reshape", [x, sequenceShape], "sequence");
        x = g.Node("Transpose", [x], "sequence_time_major", Ints("perm", 1L, 0L, 2L));

        var directions = config.Bidirectional ? 2 : 1;
        long inputSize = config.FeatureSize;
        for (var layer = 0; layer < config.LstmLayers; layer++)
        {
            x = Lstm(g, x, weights, layer, inputSize, config.LstmHidden, config.Bidirectional);                // (T, N, D*H)
            inputSize = directions * config.LstmHidden;
        }

        var pooled = Pool(g, x, config, weights);                                                            // (N, D*H)
        var classifierWeight = weights["classifier.weight"];
        var logits = g.Node("Gemm", [pooled, g.Floats("classifier_weight", classifierWeight.Shape, classifierWeight.Values),
            g.Floats("classifier_bias", weights["classifier.bias"].Shape, weights["classifier.bias"].Values)], "logits", Attribute("transB", 1L));
        g.Graph.Node.Add(new NodeProto { OpType = "Softmax", Name = "Softmax_output", Input = { logits }, Output = { output }, Attribute = { Attribute("axis", 1L) } });
        return g.Graph;
    }

    // Each frame's grey levels to 0-255, as FaceTensors.Normalize: (b - min) * (255 / max(max - min, 1)).
    private static string Stretch(GraphBuilder g, string input)
    {
        var min = g.Node("ReduceMin", [input], "frame_min", Ints("axes", 2L, 3L, 4L), Attribute("keepdims", 1L));
        var max = g.Node("ReduceMax", [input], "frame_max", Ints("axes", 2L, 3L, 4L), Attribute("keepdims", 1L));
        var range = g.Node("Max", [g.Node("Sub", [max, min], "frame_span"), g.Scalar("stretch_least_range", 1f)], "frame_range");
        var factor = g.Node("Div", [g.Scalar("stretch_full_range", 255f), range], "stretch_factor");
        return g.Node("Mul", [g.Node("Sub", [input, min], "shifted"), factor], "stretched");
    }

    private static string Activate(GraphBuilder g, string x, Activation activation, string name) => activation switch
    {
        Activation.Relu => g.Node("Relu", [x], name + "_relu"),
        // SiLU: x * sigmoid(x).
        Activation.Silu => g.Node("Mul", [x, g.Node("Sigmoid", [x], name + "_sigmoid")], name + "_silu"),
        // TorchSharp's GELU() is the exact one, 0.5 x (1 + erf(x / sqrt 2)); ONNX's Gelu operator needs opset 20,
        // which older runtimes lack, so it is spelled out in opset-17 operators.
        Activation.Gelu => g.Node("Mul", [g.Node("Mul", [x, g.Scalar(name + "_half", 0.5f)], name + "_half_x"),
            g.Node("Add", [g.Node("Erf", [g.Node("Div", [x, g.Scalar(name + "_sqrt2", MathF.Sqrt(2f))], name + "_scaled")], name + "_erf"),
                g.Scalar(name + "_one", 1f)], name + "_one_plus_erf")], name + "_gelu"),
        _ => throw new EmotionNetException($"The activation {activation} cannot be exported to ONNX by this version."),
    };

    // One layer of PyTorch's LSTM (both directions) as one ONNX LSTM node: (T, N, in) -> (T, N, D*H).
    private static string Lstm(GraphBuilder g, string x, ModelWeights weights, int layer, long inputSize, int hidden, bool bidirectional)
    {
        string[] suffixes = bidirectional ? [$"l{layer}", $"l{layer}_reverse"] : [$"l{layer}"];
        var d = suffixes.Length;
        var w = new List<float>();
        var r = new List<float>();
        var b = new List<float>();
        foreach (var s in suffixes)
        {
            w.AddRange(LstmGates.ToOnnxOrder(weights[$"lstm.weight_ih_{s}"].Values, hidden, (int)inputSize));
            r.AddRange(LstmGates.ToOnnxOrder(weights[$"lstm.weight_hh_{s}"].Values, hidden, hidden));
            // ONNX's B is [Wb | Rb] per direction: PyTorch's bias_ih then bias_hh.
            b.AddRange(LstmGates.ToOnnxOrder(weights[$"lstm.bias_ih_{s}"].Values, hidden, 1));
            b.AddRange(LstmGates.ToOnnxOrder(weights[$"lstm.bias_hh_{s}"].Values, hidden, 1));
        }
        var name = $"lstm_layer{layer}";
        var outputs = g.Node("LSTM", [x, g.Floats(name + "_W", [d, 4L * hidden, inputSize], w.ToArray()), g.Floats(name + "_R", [d, 4L * hidden, hidden], r.ToArray()),
                g.Floats(name + "_B", [d, 8L * hidden], b.ToArray())],
            [name + "_Y"], Attribute("hidden_size", (long)hidden), Attribute("direction", bidirectional ? "bidirectional" : "forward"));
        // Y is (T, D, N, H); PyTorch concatenates the directions per step: (T, N, D*H).
        var y = g.Node("Transpose", [outputs[0]], name + "_time_batch_direction", Ints("perm", 0L, 2L, 1L, 3L));
        return g.Node("Reshape", [y, g.Int64s(name + "_concat_shape", 0, 0, -1)], name + "_output");
    }

    // (T, N, D*H) -> (N, D*H), as EmotionNetModel.Pool does over its batch-first (N, T, D*H).
    private static string Pool(GraphBuilder g, string x, ModelConfig config, ModelWeights weights)
    {
        switch (config.Pooling)
        {
            case TemporalPooling.Last:
                // The output at the last step (for a bidirectional LSTM: the backward half there is its first step, as in PyTorch).
                return g.Node("Gather", [x, g.Int64Scalar("last_frame", -1)], "pooled", Attribute("axis", 0L));
            case TemporalPooling.Mean:
                return g.Node("ReduceMean", [x], "pooled", Ints("axes", 0L), Attribute("keepdims", 0L));
            case TemporalPooling.Attention:
                var aw = weights["attention.weight"];                                                        // (1, D*H)
                var scores = g.Node("MatMul", [x, g.Floats("attention_weight_t", [aw.Shape[1], 1], aw.Values)], "attention_scores");
                scores = g.Node("Add", [scores, g.Floats("attention_bias", [1], weights["attention.bias"].Values)], "attention_logits");
                var attention = g.Node("Softmax", [scores], "attention", Attribute("axis", 0L));               // over T
                var weighted = g.Node("Mul", [attention, x], "attention_weighted");
                return g.Node("ReduceSum", [weighted, g.Int64s("time_axis", 0)], "pooled", Attribute("keepdims", 0L));
            default:
                throw new EmotionNetException($"The temporal pooling {config.Pooling} cannot be exported to ONNX by this version.");
        }
    }
}
