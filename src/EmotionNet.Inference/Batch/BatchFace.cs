namespace EmotionNet.Inference.Batch;

/// <summary>One face of one input, as a batch report row shows it (values rounded to 4 decimals, as stored).</summary>
/// <param name="FaceId">The face's track id within its input.</param>
/// <param name="Frames">Processed frames in which the face was seen.</param>
/// <param name="Dominant">The emotion it was labelled with most often.</param>
/// <param name="Shares">Fraction of its frames labelled with each class, in the report's class order.</param>
/// <param name="UncertainShare">Fraction of its frames whose result was flagged uncertain.</param>
/// <param name="MeanConfidence">Mean confidence of its labels.</param>
public sealed record BatchFace(int FaceId, int Frames, string Dominant, IReadOnlyList<double> Shares, double UncertainShare, double MeanConfidence)
{
    /// <summary>Writes this face's fields into the open JSON object, shares keyed by <paramref name="classes"/>: one layout for done.json and batch.json.</summary>
    internal void WriteFields(System.Text.Json.Utf8JsonWriter json, IReadOnlyList<string> classes)
    {
        json.WriteNumber("face_id", FaceId);
        json.WriteNumber("frames", Frames);
        json.WriteString("dominant", Dominant);
        json.WriteStartObject("shares");
        for (var c = 0; c < classes.Count; c++) json.WriteNumber(classes[c], Shares[c]);
        json.WriteEndObject();
        json.WriteNumber("uncertain_share", UncertainShare);
        json.WriteNumber("mean_confidence", MeanConfidence);
    }
}
