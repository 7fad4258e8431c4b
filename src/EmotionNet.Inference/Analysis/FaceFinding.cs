namespace EmotionNet.Inference.Analysis;

/// <summary>How <see cref="PhotoFaceDecoder"/> gets the face of a labelled image.</summary>
public enum FaceFinding
{
    /// <summary>A 48x48 image is already a face crop and is taken whole; any other size is a photo whose face is found (<see cref="Detect"/>).</summary>
    Auto,

    /// <summary>Every image is a photo: its largest face is found and cropped as <c>analyze</c> crops it.</summary>
    Detect,

    /// <summary>Every image is a face crop, taken whole (grey, resized to 48x48), as training reads image folders.</summary>
    Cropped,
}
