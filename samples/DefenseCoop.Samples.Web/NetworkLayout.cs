namespace DefenseCoop.Samples.Web;

/// <summary>
/// A force-directed layout (Fruchterman and Reingold 1991) computed on the server, so that the page draws
/// the network without a script library: tied nodes attract, all nodes repel, and the temperature falls
/// step by step. Seeded, so the same graph always gets the same picture.
/// </summary>
internal static class NetworkLayout
{
    /// <summary>Positions in the unit square [0, 1]², one per node.</summary>
    public static (double X, double Y)[] Compute(int count, IReadOnlyList<(int Source, int Target)> ties, int seed = 23, int iterations = 300)
    {
        var random = new Random(seed);
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++) (x[i], y[i]) = (random.NextDouble(), random.NextDouble());
        if (count <= 1) return [.. Enumerable.Range(0, count).Select(_ => (0.5, 0.5))];
        double k = Math.Sqrt(1.0 / count); // the ideal distance between nodes in the unit square
        var dx = new double[count];
        var dy = new double[count];
        double temperature = 0.1;
        for (int step = 0; step < iterations; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (int i = 0; i < count; i++)
                for (int j = i + 1; j < count; j++)
                {
                    double ex = x[i] - x[j], ey = y[i] - y[j];
                    double d2 = Math.Max(ex * ex + ey * ey, 1e-9);
                    double f = k * k / d2; // repulsion k²/d, along the unit vector (e/d)
                    dx[i] += ex * f; dy[i] += ey * f;
                    dx[j] -= ex * f; dy[j] -= ey * f;
                }
            foreach (var (a, b) in ties)
            {
                double ex = x[a] - x[b], ey = y[a] - y[b];
                double d = Math.Max(Math.Sqrt(ex * ex + ey * ey), 1e-9);
                double f = d / k; // attraction d²/k, along the unit vector
                dx[a] -= ex * f; dy[a] -= ey * f;
                dx[b] += ex * f; dy[b] += ey * f;
            }
            for (int i = 0; i < count; i++)
            {
                // A weak pull to the centre keeps nodes without ties from drifting out of the picture.
                dx[i] += (0.5 - x[i]) * 0.05 * count;
                dy[i] += (0.5 - y[i]) * 0.05 * count;
                double length = Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length > 0)
                {
                    double move = Math.Min(length, temperature);
                    x[i] += dx[i] / length * move;
                    y[i] += dy[i] / length * move;
                }
            }
            temperature *= 0.985;
        }
        // Scaled to fill the square with a margin.
        double minX = x.Min(), maxX = x.Max(), minY = y.Min(), maxY = y.Max();
        double spanX = Math.Max(maxX - minX, 1e-9), spanY = Math.Max(maxY - minY, 1e-9);
        return [.. Enumerable.Range(0, count).Select(i => (0.05 + 0.9 * (x[i] - minX) / spanX, 0.05 + 0.9 * (y[i] - minY) / spanY))];
    }
}
