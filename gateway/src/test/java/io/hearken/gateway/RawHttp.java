package io.hearken.gateway;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, over a plain socket: HTTP clients (REST Assured included) resolve
 * {@code ..} and re-encode paths before sending, which would hide what an attacker can put on the wire.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The answer's status code, body and content type. */
    record Answer(int status, String body, String contentType) {
    }

    static Answer get(String rawPathAndQuery, String bearerToken) throws IOException {
        return send("GET", rawPathAndQuery, bearerToken, "");
    }

    /**
     * @param extraHeaders header lines, each ending in CRLF ("" for none)
     */
    static Answer send(String method, String rawPathAndQuery, String bearerToken, String extraHeaders)
            throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            boolean hasBody = method.equals("POST");
            String request = method + " " + rawPathAndQuery + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RestAssured.port + "\r\n"
                    + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n")
                    + extraHeaders
                    + (hasBody ? "Content-Type: application/json\r\nContent-Length: 2\r\n" : "")
                    + "Connection: close\r\n\r\n" + (hasBody ? "{}" : "");
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            String head = bodyStart < 0 ? response : response.substring(0, bodyStart);
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse(null);
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4), contentType);
        }
    }
}
