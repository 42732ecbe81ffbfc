package org.rabt.config.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.rabt.config.web.FallbackProblem;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.directory.ContactPoint;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.Names;
import org.rabt.mappings.directory.OfferedService;
import org.rabt.mappings.json.SectorJson;
import org.rabt.routes.exchange.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory of services on the staff API: the whole edition, in the shape of the file, and
 * who provides a service to a child of a province. Read-only and, until staff log-in exists,
 * open to whoever reaches {@code server.port} (loopback on the embedded default).
 */
@RestController
@RequestMapping("/api/v1/directory")
public class DirectoryController {

    private final Directory directory;
    // the file's own shape (codes, HH:mm times), written once: the edition never changes while running
    private final byte[] edition;

    DirectoryController(Directory directory) {
        this.directory = directory;
        this.edition = SectorJson.mapper().writeValueAsBytes(directory);
    }

    /** The whole edition: the file, with each organisation's exchange endpoint added. */
    @GetMapping
    public ResponseEntity<byte[]> edition() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(edition);
    }

    /**
     * The services that can provide {@code service} (a service code) to a child of {@code province},
     * the province's own first, then national ones; optionally only one sector's.
     */
    @GetMapping("/providers")
    public ResponseEntity<byte[]> providers(@RequestParam("service") String serviceCode,
            @RequestParam("province") String province,
            @RequestParam(name = "sector", required = false) String sector) {
        SectorId only = sector == null ? null : SectorId.fromCode(sector);
        List<Provider> providers = directory.providers(serviceCode, province).stream()
                .filter(s -> only == null || s.organisation().sector() == only)
                .map(Provider::of)
                .toList();
        Providers answer = new Providers(directory.version(), serviceCode, province, providers);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(SectorJson.mapper().writeValueAsBytes(answer));
    }

    /** An unknown sector code: 400 with the allowed codes, not a 500. */
    @ExceptionHandler(MappingException.class)
    ResponseEntity<Problem> badParameter(MappingException e, HttpServletRequest request) {
        FallbackProblem bad = FallbackProblem.BAD_REQUEST;
        Problem problem = Problem.of(bad.code(), bad.title(), bad.status(), e.detail(), request.getRequestURI(), e.field());
        return ResponseEntity.status(bad.status()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE)).body(problem);
    }

    /** The answer of {@code /providers}, naming the edition it comes from. */
    record Providers(String version, String service, String province, List<Provider> providers) {
    }

    /**
     * One provider: the receiver a card would name ({@code receiver}), with the names and contact
     * points a social worker needs to call ahead.
     */
    record Provider(Party receiver, String organisationId, Names organisationName, Names serviceName,
            boolean national, String endpoint, List<ContactPoint> contacts) {

        static Provider of(OfferedService offered) {
            return new Provider(offered.receiver(), offered.organisation().id(), offered.organisation().name(),
                    offered.service().name(), offered.organisation().national(), offered.organisation().endpoint(),
                    offered.organisation().contacts());
        }
    }
}
