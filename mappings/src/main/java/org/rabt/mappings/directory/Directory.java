package org.rabt.mappings.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;

/**
 * One edition of the directory of services: every organisation of the mechanism, what it
 * offers at which pathway stage and whom to contact. {@link DirectoryJson} reads it.
 *
 * @param version   the edition ({@code 2026.1}: year and sequence), raised on every change
 * @param validFrom the day from which this edition is in force
 */
public record Directory(String version, LocalDate validFrom, List<Organisation> organisations) {

    public Directory {
        organisations = List.copyOf(organisations);
    }

    public Optional<Organisation> organisation(String id) {
        return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Every service with its organisation, in the order of the file. */
    public List<OfferedService> services() {
        return organisations.stream()
                .flatMap(o -> o.services().stream().map(s -> new OfferedService(o, s)))
                .toList();
    }

    public Optional<OfferedService> service(String id) {
        return services().stream().filter(s -> s.service().id().equals(id)).findFirst();
    }

    /**
     * The basket of services of a pathway stage for children of a province: the services of that
     * stage at the province's organisations, then at national ones, each in the order of the file.
     */
    public List<OfferedService> basket(PathwayStage stage, String provinceCode) {
        return servingFirstLocally(provinceCode).filter(s -> s.service().belongsTo(stage)).toList();
    }

    /**
     * Who can provide {@code serviceCode} to a child of {@code provinceCode}: the services with that
     * code at the province's organisations, in the order of the file, then at national ones (the
     * national free line stands in where the province has no such service). Empty when nobody does.
     */
    public List<OfferedService> providers(String serviceCode, String provinceCode) {
        return servingFirstLocally(provinceCode).filter(s -> s.service().code().equals(serviceCode)).toList();
    }

    /**
     * Routes a requested service to the service that should act on it: among the
     * {@linkplain #providers providers} of its code for the province, those of the requested
     * target's sector when the request names one; the named service when the request names one of
     * them; otherwise the first, since the file lists the preferred provider first (the police
     * before the gendarmerie in a city). Empty when nobody in the directory can provide it.
     */
    public Optional<OfferedService> route(RequestedService requested, String provinceCode) {
        SectorId sector = requested.target() == null ? null : requested.target().sector();
        String serviceId = requested.target() == null ? null : requested.target().service();
        List<OfferedService> candidates = providers(requested.serviceCode(), provinceCode).stream()
                .filter(s -> sector == null || s.organisation().sector() == sector)
                .toList();
        return candidates.stream()
                .filter(s -> s.service().id().equals(serviceId))
                .findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    private Stream<OfferedService> servingFirstLocally(String provinceCode) {
        Stream<OfferedService> local = services().stream()
                .filter(s -> s.organisation().province().equals(provinceCode) && !s.organisation().national());
        Stream<OfferedService> national = services().stream()
                .filter(s -> s.organisation().national());
        return Stream.concat(local, national);
    }
}
