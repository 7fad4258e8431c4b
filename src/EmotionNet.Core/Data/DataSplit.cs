namespace EmotionNet.Core.Data;

/// <summary>The three FER2013 splits (the CSV's Usage column).</summary>
public enum DataSplit
{
    /// <summary>Rows the model trains on.</summary>
    Training,
    /// <summary>The validation split: epochs and hyperparameters are chosen on it.</summary>
    PublicTest,
    /// <summary>The test split papers report; never tuned on.</summary>
    PrivateTest,
}
