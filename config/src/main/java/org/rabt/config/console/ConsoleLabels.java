package org.rabt.config.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.Names;
import org.rabt.mappings.directory.OfferedService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Words the console's pages take from the hub's own code lists rather than from the message
 * files: the concern codes' labels (ConcernCode carries them in the three languages) and the
 * directory's service names; and times in the centre's zone. Templates reach it as
 * {@code @consoleLabels}.
 */
public final class ConsoleLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Directory directory;
    private final ConsoleProperties properties;
    private final MessageSource messages;

    public ConsoleLabels(Directory directory, ConsoleProperties properties, MessageSource messages) {
        this.directory = directory;
        this.properties = properties;
        this.messages = messages;
    }

    /** The concerns' labels as one list in the page's language ("، " between them in Arabic). */
    public String concernList(List<String> codes) {
        return join(codes.stream().map(this::concern).toList());
    }

    /** The sectors' names as one list in the page's language. */
    public String sectorList(List<SectorId> sectors) {
        return join(sectors.stream().map(s -> messages.getMessage("sector." + s.code(), null, s.code(), locale())).toList());
    }

    private String join(List<String> labels) {
        return String.join("ar".equals(language()) ? "، " : ", ", labels);
    }

    /** The label of a concern code in the page's language; the code itself when it is not one. */
    public String concern(String code) {
        return Arrays.stream(ConcernCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .map(c -> switch (language()) {
                    case "ar" -> c.arabic();
                    case "en" -> c.english();
                    default -> c.french();
                })
                .orElse(code);
    }

    /** Every concern code with its label, for the forms' lists. */
    public Map<String, String> concerns() {
        Map<String, String> all = new LinkedHashMap<>();
        for (ConcernCode code : ConcernCode.values()) {
            all.put(code.code(), concern(code.code()));
        }
        return all;
    }

    /** The sectors a linkage card can go to (every sector but the centre itself). */
    public List<String> receivingSectors() {
        return Arrays.stream(SectorId.values()).filter(s -> s != SectorId.CENTRE).map(SectorId::code).toList();
    }

    /** The directory's service codes of one sector, each once, with its name in the page's language. */
    public Map<String, String> services(String sector) {
        Map<String, String> services = new LinkedHashMap<>();
        for (OfferedService offered : directory.services()) {
            if (offered.organisation().sector().code().equals(sector)) {
                services.putIfAbsent(offered.service().code(), name(offered.service().name()));
            }
        }
        return services;
    }

    /** The name of a directory service code in the page's language; the code when the directory has no such service. */
    public String service(String code) {
        Optional<OfferedService> offered = directory.services().stream().filter(s -> s.service().code().equals(code))
                .findFirst();
        return offered.map(s -> name(s.service().name())).orElse(code);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(properties.timeZone()));
    }

    /**
     * A time inside a sentence: isolated (Unicode LRI ... PDI) so that in an Arabic sentence its
     * date and hour keep their order.
     */
    public String timeInText(Instant at) {
        return at == null ? "" : "\u2066" + time(at) + "\u2069";
    }

    public String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** The zone times are shown in, for the pages to say so. */
    public String zone() {
        return properties.timeZone().getId();
    }

    private String name(Names names) {
        String wanted = switch (language()) {
            case "ar" -> names.ar();
            case "en" -> names.en();
            default -> names.fr();
        };
        return wanted != null ? wanted : names.fr();
    }

    /**
     * The page's language: the request's, as the locale resolver has it now (a {@code ?lang=} of
     * this very request included, which Spring's LocaleContextHolder, set before, does not see).
     */
    private static String language() {
        return locale().getLanguage();
    }

    private static Locale locale() {
        Locale locale = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? RequestContextUtils.getLocale(request.getRequest())
                : LocaleContextHolder.getLocale();
        return locale == null ? ConsoleLocales.FRENCH : locale;
    }
}
