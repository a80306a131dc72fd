namespace Autopilot.Tests.Telemetry;

/// <summary>
/// Decodes OTLP/HTTP protobuf export requests (opentelemetry-proto: collector/trace/v1 and collector/metrics/v1) into
/// the few fields the tests read. Field numbers are the proto files'.
/// </summary>
internal static class OtlpDecoder
{
    public static List<OtlpSpan> Spans(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Repeated(request, 1))
        {
            foreach (var scopeSpans in Repeated(resourceSpans, 2))
            {
                var scope = Repeated(scopeSpans, 1).Select(s => Strings(s, 1).FirstOrDefault() ?? "").FirstOrDefault() ?? "";
                foreach (var span in Repeated(scopeSpans, 2))
                {
                    spans.Add(Span(span, scope));
                }
            }
        }

        return spans;
    }

    public static List<OtlpMetricPoint> MetricPoints(ReadOnlySpan<byte> request)
    {
        var points = new List<OtlpMetricPoint>();
        foreach (var resourceMetrics in Repeated(request, 1))
        {
            foreach (var scopeMetrics in Repeated(resourceMetrics, 2))
            {
                foreach (var metric in Repeated(scopeMetrics, 2))
                {
                    var name = Strings(metric, 1).First();
                    // gauge = 5, sum = 7: NumberDataPoint (attributes 7, as_double 4, as_int 6); histogram = 9: HistogramDataPoint (attributes 9, count 4).
                    foreach (var number in Repeated(metric, 5).Concat(Repeated(metric, 7)).SelectMany(m => Repeated(m, 1)))
                    {
                        points.Add(new OtlpMetricPoint(name, Attributes(number, 7), NumberValue(number)));
                    }

                    foreach (var histogram in Repeated(metric, 9).SelectMany(m => Repeated(m, 1)))
                    {
                        points.Add(new OtlpMetricPoint(name, Attributes(histogram, 9), Fixed64(histogram, 4)));
                    }
                }
            }
        }

        return points;
    }

    private static OtlpSpan Span(byte[] span, string scope)
    {
        var reader = new ProtobufReader(span);
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2 when wire == 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4 when wire == 2: parent = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 5 when wire == 2: name = reader.ReadString(); break;
                case 6 when wire == 0: kind = (int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpSpan(scope, traceId, spanId, parent, name, kind, Attributes(span, 9));
    }

    /// <summary>KeyValue (key 1, AnyValue 2) fields: string 1, bool 2, int 3, double 4 — rendered as text.</summary>
    private static Dictionary<string, string> Attributes(byte[] message, int field)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in Repeated(message, field))
        {
            var key = Strings(keyValue, 1).FirstOrDefault();
            var any = Repeated(keyValue, 2).FirstOrDefault();
            if (key is null || any is null)
            {
                continue;
            }

            var reader = new ProtobufReader(any);
            while (!reader.AtEnd)
            {
                var (f, wire) = reader.ReadTag();
                switch (f)
                {
                    case 1 when wire == 2: attributes[key] = reader.ReadString(); break;
                    case 2 when wire == 0: attributes[key] = reader.ReadVarint() != 0 ? "true" : "false"; break;
                    case 3 when wire == 0: attributes[key] = ((long)reader.ReadVarint()).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                    case 4 when wire == 1: attributes[key] = BitConverter.UInt64BitsToDouble(reader.ReadFixed64()).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                    default: reader.Skip(wire); break;
                }
            }
        }

        return attributes;
    }

    private static double NumberValue(byte[] point)
    {
        var reader = new ProtobufReader(point);
        double value = 0;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 4 when wire == 1: value = BitConverter.UInt64BitsToDouble(reader.ReadFixed64()); break;
                case 6 when wire == 1: value = (long)reader.ReadFixed64(); break;
                default: reader.Skip(wire); break;
            }
        }

        return value;
    }

    private static double Fixed64(byte[] message, int field)
    {
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (f, wire) = reader.ReadTag();
            if (f == field && wire == 1)
            {
                return reader.ReadFixed64();
            }

            reader.Skip(wire);
        }

        return 0;
    }

    private static List<byte[]> Repeated(ReadOnlySpan<byte> message, int field)
    {
        var found = new List<byte[]>();
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var (f, wire) = reader.ReadTag();
            if (f == field && wire == 2)
            {
                found.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return found;
    }

    private static List<string> Strings(byte[] message, int field) =>
        Repeated(message, field).Select(b => System.Text.Encoding.UTF8.GetString(b)).ToList();
}
