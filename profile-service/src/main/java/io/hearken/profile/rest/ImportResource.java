package io.hearken.profile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.service.ImportService.ImportLine;
import io.hearken.profile.service.ImportService.LineResult;
import io.hearken.profile.service.ImportService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bulk import of customers from CSV (a header row, then one customer per row) or NDJSON (one object per line). */
@Path("/v1/profiles/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class ImportResource {

    private static final String NDJSON = "application/x-ndjson";
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ImportService imports;
    private final ObjectMapper json;

    public ImportResource(ImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    /** The report: a result per line, and the totals. */
    public record ImportReport(int imported, int unchanged, int invalid, List<LineResult> lines) {
        static ImportReport of(List<LineResult> lines) {
            return new ImportReport(count(lines, "imported"), count(lines, "unchanged"), count(lines, "invalid"),
                    lines);
        }

        private static int count(List<LineResult> lines, String status) {
            return (int) lines.stream().filter(line -> line.status().equals(status)).count();
        }
    }

    @POST
    @Consumes({"text/csv", NDJSON})
    @Operation(summary = "Import customers", description = "Columns or fields named customerId, loyaltyId, email, "
            + "phone, deviceId are identities (verified: the tenant's own list); any other is a trait of its type. "
            + "Each line applies on its own; the report says imported, unchanged (imported before) or invalid, "
            + "with why.")
    public Uni<ImportReport> importCustomers(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                             @HeaderParam(CallerHeader.NAME) String caller,
                                             @HeaderParam("Content-Type") String contentType,
                                             String body) {
        List<ImportLine> lines = contentType != null && contentType.startsWith(NDJSON) ? ndjson(body) : csv(body);
        return imports.importLines(tenant, lines, "import").map(ImportReport::of);
    }

    private List<ImportLine> ndjson(String body) {
        List<ImportLine> lines = new ArrayList<>();
        String[] rows = body == null ? new String[0] : body.split("\n");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            try {
                Map<String, Object> fields = json.readValue(rows[i], FIELDS);
                lines.add(new ImportLine(i + 1, fields, null));
            } catch (JsonProcessingException e) {
                lines.add(new ImportLine(i + 1, Map.of(), "not a JSON object: " + e.getOriginalMessage()));
            }
        }
        return lines;
    }

    private static List<ImportLine> csv(String body) {
        String[] rows = body == null ? new String[0] : body.split("\r?\n");
        if (rows.length == 0 || rows[0].isBlank()) {
            throw ProblemException.invalidField("body", "a CSV import starts with a header row naming the columns");
        }
        List<String> header = CsvRow.parse(rows[0]);
        List<ImportLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> cells;
            try {
                cells = CsvRow.parse(rows[i]);
            } catch (IllegalArgumentException e) {
                lines.add(new ImportLine(i + 1, Map.of(), e.getMessage()));
                continue;
            }
            if (cells.size() != header.size()) {
                lines.add(new ImportLine(i + 1, Map.of(), "has " + cells.size() + " cells; the header names "
                        + header.size()));
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int column = 0; column < header.size(); column++) {
                if (!cells.get(column).isEmpty()) {
                    fields.put(header.get(column), cells.get(column));
                }
            }
            lines.add(new ImportLine(i + 1, fields, null));
        }
        return lines;
    }
}
