using System.Text.Json.Serialization;

namespace EmotionNet.AspNetCore.Jobs;

/// <summary>Where a video job is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VideoJobState>))]
public enum VideoJobState
{
    /// <summary>Uploaded, waiting for a worker.</summary>
    Queued,

    /// <summary>Being analyzed.</summary>
    Running,

    /// <summary>Analyzed; its files can be downloaded.</summary>
    Succeeded,

    /// <summary>Could not be analyzed; <see cref="VideoJob.Error"/> says why.</summary>
    Failed,
}

/// <summary>A video job as kept in its folder's job.json and as <c>GET /v1/videos/{id}</c> shows it.</summary>
/// <param name="Id">The job's id (32 random hex digits).</param>
/// <param name="State">Where it is.</param>
/// <param name="Created">When it was uploaded.</param>
/// <param name="Input">The uploaded video's file name in the job folder (chosen by the server, never by the client).</param>
/// <param name="Attempts">Runs started: a run interrupted by a server stop is started again once.</param>
/// <param name="FramesDone">Frames analyzed so far.</param>
/// <param name="FramesTotal">Frames to analyze, when the video tells.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="Files">The result files, once it succeeded: the files <c>emotionnet analyze</c> writes.</param>
public sealed record VideoJob(
    string Id,
    VideoJobState State,
    DateTimeOffset Created,
    string Input,
    int Attempts = 0,
    int FramesDone = 0,
    int? FramesTotal = null,
    string? Error = null,
    IReadOnlyList<string>? Files = null);
