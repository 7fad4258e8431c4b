using System.Diagnostics.Metrics;

namespace EmotionNet.AspNetCore.Telemetry;

/// <summary>
/// The server's own instruments, on the meter <see cref="MeterName"/>. Request counts and latency
/// histograms per route come from ASP.NET Core's meter (http.server.request.duration); these add what
/// only the server knows: faces found (their rate is faces per second), analysis time, the queue.
/// </summary>
public sealed class EmotionNetMetrics
{
    /// <summary>The meter's name, for an application that exports metrics its own way.</summary>
    public const string MeterName = "EmotionNet.Server";

    private readonly Counter<long> faces;
    private readonly Counter<long> frames;
    private readonly Counter<long> dropped;
    private readonly Histogram<double> analysis;
    private readonly UpDownCounter<long> streams;
    private readonly Counter<long> videos;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>; <paramref name="queueDepth"/> is read when metrics are collected.</summary>
    internal EmotionNetMetrics(IMeterFactory meterFactory, Func<long> queueDepth, Func<long> videoQueue)
    {
        var meter = meterFactory.Create(MeterName);
        faces = meter.CreateCounter<long>("emotionnet.faces", "{face}", "Faces analyzed (images, stream frames).");
        frames = meter.CreateCounter<long>("emotionnet.frames", "{frame}", "Images and stream frames analyzed.");
        dropped = meter.CreateCounter<long>("emotionnet.stream.frames.dropped", "{frame}", "Stream frames dropped because a newer one arrived before they were analyzed.");
        analysis = meter.CreateHistogram<double>("emotionnet.analysis.duration", "s", "Time to decode, detect and recognize one image or stream frame.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
        streams = meter.CreateUpDownCounter<long>("emotionnet.stream.connections", "{connection}", "Open stream connections.");
        videos = meter.CreateCounter<long>("emotionnet.video.jobs", "{job}", "Video jobs finished, by outcome.");
        meter.CreateObservableGauge("emotionnet.queue.depth", queueDepth, "{request}", "Analyses waiting for a slot.");
        meter.CreateObservableGauge("emotionnet.video.queue.depth", videoQueue, "{job}", "Video jobs queued or running.");
    }

    internal void Analyzed(string source, int faceCount, double seconds)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        frames.Add(1, tag);
        faces.Add(faceCount, tag);
        analysis.Record(seconds, tag);
    }

    internal void Dropped(int count) => dropped.Add(count);

    internal void StreamOpened() => streams.Add(1);

    internal void StreamClosed() => streams.Add(-1);

    internal void VideoFinished(string outcome) => videos.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
