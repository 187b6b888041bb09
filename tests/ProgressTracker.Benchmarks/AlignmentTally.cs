using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Benchmarks;

/// <summary>One method's results on one set of pairs: corner errors (4 per pair), time per pair, verdicts.</summary>
public sealed class AlignmentTally(string set, string method)
{
    private readonly List<double> _errors = [];
    private readonly List<double> _milliseconds = [];

    public string Set { get; } = set;
    public string Method { get; } = method;
    public int Pairs => _milliseconds.Count;
    public int AlignedVerdicts { get; private set; }
    public double Mean => _errors.Count == 0 ? double.NaN : _errors.Average();
    public double P95 => CornerError.Percentile(_errors, 0.95);
    public double Max => _errors.Count == 0 ? double.NaN : _errors.Max();
    public double MedianMs => CornerError.Percentile(_milliseconds, 0.5);

    public void Add(double[]? cornerErrors, double milliseconds, bool aligned)
    {
        if (cornerErrors is not null) _errors.AddRange(cornerErrors);
        _milliseconds.Add(milliseconds);
        if (aligned) AlignedVerdicts++;
    }

    public string Row(bool withErrors) => withErrors
        ? $"| {Set} | {Method} | {Pairs} | {Mean:0.00} | {P95:0.00} | {Max:0.00} | {MedianMs:0} | {AlignedVerdicts}/{Pairs} |"
        : $"| {Set} | {Method} | {Pairs} | – | – | – | {MedianMs:0} | {AlignedVerdicts}/{Pairs} |";
}
