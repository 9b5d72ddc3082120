package io.hearken.profile.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.profile.service.TraitService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.TreeMap;

/** The tenant's trait definitions: built-in ones and those it defines, each with a type. */
@Path("/v1/profiles/traits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Traits")
public class TraitResource {

    private final TraitService traits;

    public TraitResource(TraitService traits) {
        this.traits = traits;
    }

    @GET
    @Operation(summary = "Every trait the tenant can set, with its type")
    public Uni<Map<String, String>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant) {
        return traits.types(tenant).map(types -> {
            Map<String, String> byKey = new TreeMap<>();
            types.forEach((key, type) -> byKey.put(key, type.wireName()));
            return byKey;
        });
    }

    /** A trait's type (string, number, boolean, date) and what it means. */
    public record TraitDefinitionRequest(@NotBlank String type, @Size(max = 500) String description) {
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a trait", description = "Defining it again with the same type changes nothing; "
            + "another type is 409.")
    public Uni<Map<String, String>> define(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                           @PathParam("key") String key,
                                           @Valid @NotNull TraitDefinitionRequest request) {
        return traits.define(tenant, key, request.type(), request.description())
                .map(type -> Map.of("key", key, "type", type.wireName()));
    }
}
