using System.Collections.Concurrent;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace ProgressTracker.Imaging.Segmentation;

/// <summary>
/// The BlazePose landmark network (TFLite, read by OpenCV's DNN module). Input: 256×256 RGB in [0, 1], NCHW (OpenCV
/// transposes the TFLite NHWC graph). Outputs, found by experiment: Identity 1×195 (39 landmarks × x, y, z,
/// visibility logit, presence logit, x and y in input pixels; the first 33 are the body's), Identity_1 1×1 (person
/// probability), Identity_2 1×1×256×256 (segmentation logits). An OpenCV Net is not thread-safe, so each call
/// borrows one from a pool; the pool grows only to the number of concurrent callers.
/// </summary>
internal sealed class PoseNetwork(string path)
{
    public const int InputSize = 256;
    private readonly ConcurrentBag<Net> _idle = [];

    public string Path { get; } = path;

    /// <summary>Reads the file once to prove it loads; the net read then serves the first call.</summary>
    public static PoseNetwork Load(string path)
    {
        var network = new PoseNetwork(path);
        network._idle.Add(Read(path));
        return network;
    }

    /// <summary>
    /// Runs the network on the square <paramref name="view"/> of <paramref name="bgr"/> (image pixels; it may reach
    /// past the frame, which is then black) and maps the results back to the image's pixels.
    /// </summary>
    public PersonMask Run(Mat bgr, Rect2d view)
    {
        var s = InputSize / view.Width;
        double[] toInput = [s, 0, -view.X * s, 0, s, -view.Y * s];
        using var input = new Mat();
        using (var m = ToMat(toInput))
            Cv2.WarpAffine(bgr, input, m, new Size(InputSize, InputSize), InterpolationFlags.Area, BorderTypes.Constant, Scalar.All(0));
        using var blob = CvDnn.BlobFromImage(input, 1 / 255.0, new Size(InputSize, InputSize), default, swapRB: true, crop: false);

        float[] landmarks, flag;
        using var logits = new Mat();
        var net = _idle.TryTake(out var pooled) ? pooled : Read(Path);
        try
        {
            net.SetInput(blob);
            string[] names = ["Identity", "Identity_1", "Identity_2"];
            var outputs = names.Select(_ => new Mat()).ToArray();
            net.Forward(outputs, names);
            using (outputs[0]) outputs[0].Reshape(1, 1).GetArray(out landmarks);
            using (outputs[1]) outputs[1].Reshape(1, 1).GetArray(out flag);
            using (outputs[2]) outputs[2].Reshape(1, InputSize).CopyTo(logits);
        }
        finally
        {
            _idle.Add(net);
        }

        var pose = new PoseLandmark[PersonPose.Count];
        for (var i = 0; i < pose.Length; i++)
        {
            pose[i] = new PoseLandmark(view.X + landmarks[i * 5] / s, view.Y + landmarks[i * 5 + 1] / s,
                Sigmoid(landmarks[i * 5 + 3]), Sigmoid(landmarks[i * 5 + 4]));
        }
        return new PersonMask(Probability(logits, toInput, bgr.Size()), new PersonPose(pose, flag[0]));
    }

    /// <summary>Sigmoid of the logits, warped back onto the image's frame (0 where the view did not reach).</summary>
    private static Mat Probability(Mat logits, double[] toInput, Size size)
    {
        using var p = new Mat();
        logits.ConvertTo(p, MatType.CV_32FC1, -1);
        Cv2.Exp(p, p);
        Cv2.Add(p, Scalar.All(1), p);
        Cv2.Divide(1.0, p, p);
        var result = new Mat();
        using (var m = ToMat(toInput))
            Cv2.WarpAffine(p, result, m, size, InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, Scalar.All(0));
        return result;
    }

    private static Net Read(string path) =>
        CvDnn.ReadNet(path) ?? throw new InvalidOperationException($"OpenCV could not read the pose model {path}.");

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static Mat ToMat(double[] m)
    {
        var mat = new Mat(2, 3, MatType.CV_64FC1);
        mat.SetArray(m);
        return mat;
    }
}
