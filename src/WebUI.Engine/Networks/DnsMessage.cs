using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace WebUI.Engine.Networks;

/// <summary>The bits of the DNS wire format (RFC 1035) the embedded server needs: read a query's question, build an answer.</summary>
internal static class DnsMessage
{
    public const ushort TypeA = 1;
    public const byte RcodeNoError = 0, RcodeServFail = 2, RcodeNxDomain = 3;

    /// <summary>The first question's name (without the final dot), type and the offset just after the question; null when malformed.</summary>
    public static (string Name, ushort Type, int End)? ReadQuestion(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) < 1) return null;
        var sb = new StringBuilder();
        var i = 12;
        while (true)
        {
            if (i >= message.Length) return null;
            int len = message[i++];
            if (len == 0) break;
            if (len > 63 || i + len > message.Length) return null; // compression pointers do not appear in a query's question
            if (sb.Length > 0) sb.Append('.');
            sb.Append(Encoding.ASCII.GetString(message.Slice(i, len)));
            i += len;
        }
        if (i + 4 > message.Length) return null;
        var type = BinaryPrimitives.ReadUInt16BigEndian(message[i..]);
        return (sb.ToString(), type, i + 4);
    }

    /// <summary>An answer to <paramref name="query"/> with its question echoed and one A record per address (TTL 600).</summary>
    public static byte[] Answer(ReadOnlySpan<byte> query, int questionEnd, byte rcode, IReadOnlyList<IPAddress> addresses)
    {
        var answer = new byte[questionEnd + addresses.Count * 16];
        query[..questionEnd].CopyTo(answer);
        var requestFlags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        // QR, the query's opcode and RD, AA (we are the authority for container names), RA, rcode.
        var flags = (ushort)(0x8000 | (requestFlags & 0x7800) | 0x0400 | (requestFlags & 0x0100) | 0x0080 | rcode);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(6), (ushort)addresses.Count);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(10), 0);
        var o = questionEnd;
        foreach (var a in addresses)
        {
            var s = answer.AsSpan(o);
            BinaryPrimitives.WriteUInt16BigEndian(s, 0xC00C); // the name: a pointer to the question's
            BinaryPrimitives.WriteUInt16BigEndian(s[2..], TypeA);
            BinaryPrimitives.WriteUInt16BigEndian(s[4..], 1); // IN
            BinaryPrimitives.WriteUInt32BigEndian(s[6..], 600);
            BinaryPrimitives.WriteUInt16BigEndian(s[10..], 4);
            a.GetAddressBytes().CopyTo(s[12..]);
            o += 16;
        }
        return answer;
    }
}
