package io.hearken.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path in the one form the gateway routes on and forwards: percent-decoded once, {@code .} and {@code ..}
 * segments resolved, repeated slashes collapsed. Services behind the gateway decode and resolve paths themselves, so
 * the gateway must judge the path they will act on, not the raw one, or {@code /api/v1/surveys/../../q/metrics}
 * passes as a survey read and lands on a service's metrics. Anything that two readers could decode differently (an
 * encoded {@code /}, a backslash, {@code %00}, broken percent-encoding or UTF-8) is refused rather than guessed.
 *
 * <p>The path also remembers how many of its leading segments no {@code ..} ever stepped back over, so a caller
 * can refuse a path that climbed out of a prefix and back into another one ({@link #keepsLeading(int)}).
 */
public final class RequestPath {

    private static final String HEX = "0123456789ABCDEF";

    private final List<String> segments;
    /** Leading segments no {@code ..} stepped back over; {@link Integer#MAX_VALUE} when there was no {@code ..}. */
    private final int untouchedSegments;

    private RequestPath(List<String> segments, int untouchedSegments) {
        this.segments = List.copyOf(segments);
        this.untouchedSegments = untouchedSegments;
    }

    /**
     * Normalises a raw (still percent-encoded) path as it arrived on the request line.
     *
     * @throws InvalidPathException when the path cannot be read one way only, or climbs above the root
     */
    public static RequestPath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new InvalidPathException("the path must start with '/'");
        }
        List<String> resolved = new ArrayList<>();
        int untouched = Integer.MAX_VALUE;
        for (String rawSegment : rawPath.substring(1).split("/", -1)) {
            if (rawSegment.isEmpty()) {
                continue; // repeated or trailing slash
            }
            String segment = decode(rawSegment);
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new InvalidPathException("'..' climbs above the root");
                }
                resolved.remove(resolved.size() - 1);
                untouched = Math.min(untouched, resolved.size());
                continue;
            }
            String beforeParameters = segment.split(";", 2)[0];
            if (beforeParameters.equals(".") || beforeParameters.equals("..")) {
                throw new InvalidPathException("a dot segment with parameters ('" + segment + "') is ambiguous");
            }
            resolved.add(segment);
        }
        return new RequestPath(resolved, untouched);
    }

    /** The decoded segments, without empty ones. */
    public List<String> segments() {
        return segments;
    }

    /** Whether no {@code ..} stepped back into the first {@code count} segments (true when there was none). */
    public boolean keepsLeading(int count) {
        return count <= untouchedSegments;
    }

    /** Whether a {@code ..} segment stepped back over anything. */
    public boolean steppedBack() {
        return untouchedSegments != Integer.MAX_VALUE;
    }

    /** Whether the path is {@code prefix} or below it; {@code prefix} is a decoded path such as {@code /api}. */
    public boolean isUnder(String prefix) {
        List<String> prefixSegments = parse(prefix).segments;
        return segments.size() >= prefixSegments.size()
                && segments.subList(0, prefixSegments.size()).equals(prefixSegments);
    }

    /** The same path without its first {@code count} segments; what stays untouched by {@code ..} stays so. */
    public RequestPath dropLeading(int count) {
        if (count > segments.size()) {
            throw new IllegalArgumentException("the path has only " + segments.size() + " segments");
        }
        return new RequestPath(segments.subList(count, segments.size()),
                untouchedSegments == Integer.MAX_VALUE ? untouchedSegments : Math.max(0, untouchedSegments - count));
    }

    /** The decoded path, for matching routes: {@code /v1/profiles/ana lee}. */
    public String decoded() {
        return "/" + String.join("/", segments);
    }

    /** The path re-encoded for the wire, each character outside RFC 3986's safe set as UTF-8 {@code %XX}. */
    public String encoded() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/');
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (isKeptLiterally(c)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                }
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    @Override
    public String toString() {
        return encoded();
    }

    /**
     * Unreserved characters and the sub-delimiters a service reads literally; {@code ;} is encoded so that no
     * service can take part of a segment for matrix parameters.
     */
    private static boolean isKeptLiterally(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,=:@".indexOf(c) >= 0;
    }

    private static String decode(String rawSegment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawSegment.length());
        for (int i = 0; i < rawSegment.length(); i++) {
            char c = rawSegment.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawSegment.length()) {
                    throw new InvalidPathException("incomplete percent-encoding in '" + rawSegment + "'");
                }
                int high = Character.digit(rawSegment.charAt(i + 1), 16);
                int low = Character.digit(rawSegment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new InvalidPathException("invalid percent-encoding in '" + rawSegment + "'");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7E) {
                throw new InvalidPathException("a path must be ASCII on the wire; encode other characters");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPathException("'" + rawSegment + "' is not UTF-8 once decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/') {
                throw new InvalidPathException("an encoded '/' inside a segment is ambiguous");
            }
            if (c == '\\') {
                throw new InvalidPathException("a backslash is read as a separator by some servers");
            }
            if (c < 0x20 || c == 0x7F) {
                throw new InvalidPathException("a control character (such as %00) in the path");
            }
        }
        return decoded;
    }

    /** Why a path was refused; the message is safe to show to the client. */
    public static final class InvalidPathException extends IllegalArgumentException {
        InvalidPathException(String message) {
            super(message);
        }
    }
}
