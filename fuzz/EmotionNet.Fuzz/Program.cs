using EmotionNet.Fuzz;
using SharpFuzz;

// Usage: EmotionNet.Fuzz <csv|checkpoint|manifest|onnx|merge|image> [file]
//   with a file: runs the target once on it (reproduces a finding, exit 0 when it is handled);
//   without: the AFL++ loop (stdin), started by eng/fuzz.sh.
// EmotionNet.Fuzz make-seeds TARGET DIR writes the seeds made by this build (checkpoint, onnx, merge).
if (args is ["make-seeds", var seedTarget, var seedDir])
{
    Seeds.Write(seedTarget, seedDir);
    return 0;
}
if (args.Length is < 1 or > 2 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: EmotionNet.Fuzz <{string.Join('|', Targets.All.Keys)}> [input-file]");
    return 2;
}
if (args.Length == 2)
{
    using var file = File.OpenRead(args[1]);
    target(file);
    Console.WriteLine($"{args[1]}: handled");
    return 0;
}
Fuzzer.OutOfProcess.Run(stream => target(stream));
return 0;
