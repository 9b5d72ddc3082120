package io.hearken.common.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCursorTest {

    @Test
    void readsBackTheKeysItWasMadeOf() {
        Instant at = Instant.parse("2026-11-27T02:31:19.123456Z");
        UUID id = UUID.randomUUID();
        String token = PageCursor.of("cases", at, id).token();

        PageCursor read = PageCursor.read("cases", token, 2).orElseThrow();

        assertEquals(at, read.instant(0));
        assertEquals(id, read.uuid(1));
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + token);
    }

    @Test
    void theLastKeyMayHoldAnything() {
        String id = "msg\n|:weird id";
        assertEquals(id, PageCursor.read("messages", PageCursor.of("messages", 7, id).token(), 2)
                .orElseThrow().text(1));
    }

    @Test
    void noTokenIsTheFirstPage() {
        assertTrue(PageCursor.read("cases", null, 2).isEmpty());
        assertTrue(PageCursor.read("cases", "", 2).isEmpty());
    }

    @Test
    void refusesAnotherListsTokenNamingAfter() {
        String alerts = PageCursor.of("alerts", Instant.EPOCH, "a1").token();
        assertRefused(() -> PageCursor.read("cases", alerts, 2));
    }

    @Test
    void refusesWhatDoesNotDecodeNamingAfter() {
        assertRefused(() -> PageCursor.read("cases", "not base64!", 2));
        assertRefused(() -> PageCursor.read("cases", encode("cases\nonly-one-key"), 2));
        assertRefused(() -> PageCursor.read("cases", encode("cases\nyesterday\nc1"), 2).orElseThrow().instant(0));
        assertRefused(() -> PageCursor.read("cases", encode("cases\nx\nc1"), 2).orElseThrow().uuid(1));
        assertRefused(() -> PageCursor.read("cases", encode("cases\nx\nc1"), 2).orElseThrow().number(0));
    }

    @Test
    void aPageHasANextOnlyWhenMoreRowsCameThanItShows() {
        Page<String> full = Page.of(List.of(1, 2, 3), 2, String::valueOf, row -> PageCursor.of("numbers", row));
        assertEquals(List.of("1", "2"), full.items());
        assertEquals(2, PageCursor.read("numbers", full.next(), 1).orElseThrow().number(0));

        Page<String> last = Page.of(List.of(1, 2), 2, String::valueOf, row -> PageCursor.of("numbers", row));
        assertEquals(List.of("1", "2"), last.items());
        assertNull(last.next());
    }

    @Test
    void theLastPageHasNoNextAtAll() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"items\":[\"a\"]}", json.writeValueAsString(new Page<>(List.of("a"), null)));
        assertEquals("{\"items\":[\"a\"],\"next\":\"x\"}", json.writeValueAsString(new Page<>(List.of("a"), "x")));
    }

    @Test
    void limitIsBoundedAndNamedWhenWrong() {
        assertEquals(50, Page.limit(null, Page.MAX_LIMIT));
        assertEquals(500, Page.limit("500", Page.MAX_LIMIT));
        for (String wrong : List.of("0", "501", "ten", "-1")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Page.limit(wrong, Page.MAX_LIMIT));
            assertEquals("limit", refused.errors().get(0).field());
        }
    }

    @Test
    void theNextLinkIsTheSameRequestWithAfterSetAndTheOldAliasDropped() {
        String header = NextPageLink.header(URI.create("http://svc:8080/v1/cases?status=OPEN&cursor=old&after=x"),
                "abc");
        assertEquals("<http://svc:8080/v1/cases?status=OPEN&after=abc>; rel=\"next\"", header);
    }

    private static void assertRefused(Runnable read) {
        ProblemException refused = assertThrows(ProblemException.class, read::run);
        assertEquals(400, refused.status());
        assertEquals("after", refused.errors().get(0).field());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
