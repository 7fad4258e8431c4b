using EmotionNet.Benchmarks;

// emotionnet benchmarks: load | augment | grid (see docs/benchmarks.md)
return BenchmarkApp.Run(args);
