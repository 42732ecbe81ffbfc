package org.rabt.mappings.education;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.french.FrenchCodes;

/**
 * Reads a school system's batch of dropouts and long absences ({@code education/lot-abandons-v1.csv-spec.json}:
 * UTF-8, comma-separated, RFC 4180 quoting, the fixed header {@link #HEADER}) one row at a time,
 * and yields for each data row either the reporting card it stands for — from the school to the
 * centre of the pupil's province, concern school dropout, pathway stage 1 (detection), entry
 * channel school — or the row's rejection with its line number and a coded reason, and goes on.
 * Only the current row is held, plus the row identifiers seen so far (to refuse a duplicate),
 * which the row limit bounds: a batch streams through in bounded memory.
 *
 * <pre>{@code
 * try (DropoutBatchReader batch = DropoutBatchReader.open(in)) {
 *     batch.forEachRow(row -> ...);   // BatchRow.Admitted or BatchRow.Rejected
 * }
 * }</pre>
 *
 * <p>Whole-batch errors are thrown as {@link MappingException}, with the field {@code "ligne N"}:
 * a wrong header (SECTOR_SCHEMA_VIOLATION, before any row); then, mid-way, a line that breaks the
 * CSV syntax itself (an unclosed quote, text after a closing quote) or bytes that are not UTF-8
 * (UNPARSEABLE), a row over {@value #MAX_ROW_CHARACTERS} characters or a row beyond the row limit
 * (SECTOR_SCHEMA_VIOLATION). The rows before such a line have been yielded; since each row is a
 * card identified by its {@code identifiantLigne}, the school can send the corrected batch again
 * without creating duplicates.
 *
 * <p>Commons CSV does the quoting (a comma, a quote or a line break inside a quoted value): it is
 * already on the class path through HAPI FHIR's validation, well kept, and streams.
 *
 * <p>Single use and not thread-safe; it reads no clock (each row says when it was reported).
 */
public final class DropoutBatchReader implements Iterator<BatchRow>, AutoCloseable {

    /** The header line, exactly: names, order and case. */
    public static final List<String> HEADER = List.of("identifiantLigne", "codeMassar", "nom", "prenom", "nomArabe",
            "prenomArabe", "dateNaissance", "sexe", "niveauScolaire", "etablissement", "province", "motif",
            "dateDernierePresence", "joursAbsence", "dateSignalement");

    /** The row limit of {@link #open(InputStream)}: a province's batch is a few thousand rows at most. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    /** Far above a real row (a few hundred characters), far below what could hurt the hub. */
    public static final int MAX_ROW_CHARACTERS = 65_536;

    /** The service asked of the centre for every row: bring the pupil back to school. */
    static final String SERVICE = "school-reintegration";

    private static final CSVFormat RFC_4180 = CSVFormat.RFC4180.builder().get();
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LEVEL = Pattern.compile("[\\p{L}\\p{N} .'-]{1,40}");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int MAX_NAME = 100;
    private static final int MAX_SCHOOL = 200;
    private static final int MAX_ABSENCE_DAYS = 366;

    /**
     * The two reasons a school reports a pupil in the batch, in its words. The dropout is
     * {@code abandon-scolaire}, as on the JSON card: plain {@code abandon} is the card's code for
     * the abandonment of a child, and one word must not mean two things to the same school.
     */
    enum Motif {
        /** Struck off or gone for good: the school knows the pupil has left. */
        ABANDON_SCOLAIRE("abandon-scolaire", Certainty.CONFIRMED, "Abandon scolaire signalé par "),
        /** Still enrolled but absent for long: a dropout is feared, not known. */
        ABSENCE_PROLONGEE("absence-prolongee", Certainty.SUSPECTED, "Absence prolongée signalée par ");

        final String code;
        final Certainty certainty;
        final String reportedBy;

        Motif(String code, Certainty certainty, String reportedBy) {
            this.code = code;
            this.certainty = certainty;
            this.reportedBy = reportedBy;
        }
    }

    private final Reader source;
    private final RecordBudgetReader input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int maxRows;
    /** Each row identifier seen, with its line: a second row with the same card id is refused. */
    private final Map<UUID, Long> seen = new HashMap<>();
    private long rows;
    private boolean headerRead;
    private boolean finished;
    private BatchRow next;

    private DropoutBatchReader(Reader csv, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        this.source = csv;
        this.maxRows = maxRows;
        this.input = new RecordBudgetReader(csv, MAX_ROW_CHARACTERS);
        try {
            this.parser = CSVParser.builder().setReader(input).setFormat(RFC_4180).get();
        } catch (IOException e) {
            // Without a header in the format, building the parser reads nothing.
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** A batch of at most {@value #DEFAULT_MAX_ROWS} rows, as UTF-8 bytes; closing the reader closes the stream. */
    public static DropoutBatchReader open(InputStream csv) {
        return open(csv, DEFAULT_MAX_ROWS);
    }

    /**
     * A batch of at most {@code maxRows} data rows, as UTF-8 bytes (decoded strictly: a byte
     * sequence that is not UTF-8 stops the reading, RABT-M001, instead of becoming U+FFFD);
     * closing the reader closes the stream.
     */
    public static DropoutBatchReader open(InputStream csv, int maxRows) {
        Objects.requireNonNull(csv, "csv");
        return open(new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), maxRows);
    }

    /** A batch already decoded to characters; closing the reader closes {@code csv}. */
    public static DropoutBatchReader open(Reader csv, int maxRows) {
        return new DropoutBatchReader(Objects.requireNonNull(csv, "csv"), maxRows);
    }

    /**
     * Gives every remaining row, in order, to {@code consumer}: admitted and rejected rows alike.
     *
     * @throws MappingException on a whole-batch error (see the class comment)
     */
    public void forEachRow(Consumer<? super BatchRow> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        forEachRemaining(consumer);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /**
     * @throws MappingException at the first call when the header is wrong, later when a line
     *                          breaks the CSV syntax (see the class comment)
     */
    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public BatchRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the batch has no more rows");
        }
        BatchRow row = next;
        next = null;
        return row;
    }

    private BatchRow advance() {
        if (!headerRead) {
            readHeader();
            headerRead = true;
        }
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record = read(line);
            if (record == null) {
                return null;
            }
            // A blank line (often the last one) is no row; it still counts in the line numbers.
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (++rows > maxRows) {
                throw new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, "ligne " + line, "line " + line
                        + " is data row " + rows + ", beyond the limit of " + maxRows + " rows per batch; the rows"
                        + " before it were read: send the rest in another batch");
            }
            return row(line, record);
        }
    }

    private CSVRecord read(long line) {
        input.startRecord();
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw stopped(line, e.getCause());
        }
    }

    private static MappingException stopped(long line, IOException cause) {
        String field = "ligne " + line;
        if (cause instanceof CSVException) {
            return new MappingException(MappingError.UNPARSEABLE, field, "line " + line + " breaks the CSV syntax"
                    + " (RFC 4180: a value with a comma, a quote or a line break is quoted, a quote inside it doubled): "
                    + cause.getMessage() + "; the rows before it were read", cause);
        }
        if (cause instanceof CharacterCodingException) {
            return new MappingException(MappingError.UNPARSEABLE, field, "the batch is not UTF-8 text (at line " + line
                    + " or just after); the rows before it were read", cause);
        }
        if (cause instanceof RecordBudgetReader.RecordTooLong) {
            return new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, field, "the row starting at line " + line
                    + " is longer than " + MAX_ROW_CHARACTERS + " characters (an unclosed quote?); the rows before it"
                    + " were read", cause);
        }
        // The caller's stream failed: not something the batch's content explains.
        throw new UncheckedIOException(cause);
    }

    // ---------------------------------------------------------------- header

    private void readHeader() {
        CSVRecord header = read(1);
        if (header == null) {
            throw new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, "ligne 1",
                    "the batch is empty: it must start with the header line " + String.join(",", HEADER));
        }
        List<String> names = new ArrayList<>(header.toList());
        if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
            names.set(0, names.get(0).substring(1));
        }
        if (!names.equals(HEADER)) {
            throw new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, "ligne 1",
                    headerMismatch(names) + "; the header must be exactly " + String.join(",", HEADER));
        }
    }

    private static String headerMismatch(List<String> names) {
        for (int i = 0; i < Math.min(names.size(), HEADER.size()); i++) {
            if (!names.get(i).equals(HEADER.get(i))) {
                return "column " + (i + 1) + " is '" + names.get(i) + "' where '" + HEADER.get(i) + "' is expected";
            }
        }
        return "the header has " + names.size() + " columns where " + HEADER.size() + " are expected";
    }

    // ---------------------------------------------------------------- one row

    private BatchRow row(long line, CSVRecord record) {
        if (record.size() != HEADER.size()) {
            return new BatchRow.Rejected(line, record.size() > 0 ? emptyToNull(record.get(0)) : null,
                    MappingError.SECTOR_SCHEMA_VIOLATION, null, "line " + line + " has " + record.size()
                    + " values where the header has " + HEADER.size() + " columns");
        }
        Values values = new Values(record);
        try {
            ChildProtectionMessage card = card(values);
            Long first = seen.putIfAbsent(card.header().messageId(), line);
            if (first != null) {
                throw MappingException.invalid("identifiantLigne", "'" + values.optional("identifiantLigne")
                        + "' is already the identifier of line " + first + "; each row is a card and has its own");
            }
            return new BatchRow.Admitted(line, card);
        } catch (MappingException e) {
            return new BatchRow.Rejected(line, values.optional("identifiantLigne"), e.error(), e.field(),
                    "line " + line + ": " + e.detail());
        }
    }

    private static ChildProtectionMessage card(Values row) {
        UUID id = uuid(row.required("identifiantLigne"));
        Instant sentAt = reportedAt(row);
        LocalDate sentOn = LocalDate.ofInstant(sentAt, ZoneOffset.UTC);
        String massar = row.required("codeMassar");
        if (!EducationValues.MASSAR.matcher(massar).matches()) {
            throw MappingException.invalid("codeMassar", "'" + massar + "' is not a code Massar (one capital letter"
                    + " and nine digits, e.g. J130012345)");
        }
        String nom = row.limited("nom", MAX_NAME, true);
        String prenom = row.limited("prenom", MAX_NAME, true);
        String nomArabe = arabic(row, "nomArabe");
        String prenomArabe = arabic(row, "prenomArabe");
        LocalDate birth = EducationValues.birthDate(date(row, "dateNaissance"), sentOn, "dateNaissance");
        AgeBand band = AgeBand.of(birth, sentOn);
        if (band == AgeBand.ADULT) {
            // An automatic export, no one weighed the case: the hub does not collect adults' data.
            throw MappingException.invalid("dateNaissance", birth + " makes the pupil 18 or older on " + sentOn
                    + "; the batch is about children");
        }
        Sex sex = FrenchCodes.parse(Sex.class, FrenchCodes::sexe, row.required("sexe"), "sexe");
        String level = row.optional("niveauScolaire");
        if (level != null && !LEVEL.matcher(level).matches()) {
            throw MappingException.invalid("niveauScolaire", "'" + level + "' is not a school level (letters, digits,"
                    + " spaces, at most 40 characters, e.g. 2AC)");
        }
        String school = row.limited("etablissement", MAX_SCHOOL, true);
        String province = province(row);
        Motif motif = motif(row);
        LocalDate lastPresent = date(row, "dateDernierePresence");
        if (lastPresent.isAfter(sentOn) || lastPresent.isBefore(birth)) {
            throw MappingException.invalid("dateDernierePresence", lastPresent + " is not between the birth date ("
                    + birth + ") and the day the row was reported (" + sentOn + ")");
        }
        Integer days = absenceDays(row, motif);

        Party sender = new Party(SectorId.EDUCATION, school, null, province);
        Party centre = new Party(SectorId.CENTRE, null, null, province);
        Header header = new Header(id, CardType.REPORTING, ChildProtectionMessage.SCHEMA_VERSION, null, null, sentAt,
                null, Priority.ROUTINE, sender, centre, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                Confidentiality.RESTRICTED);
        ChildShared child = new ChildShared(null, sex, band, birth.getYear(), province, null);
        ChildProtected identity = new ChildProtected(nom, prenom, nomArabe, prenomArabe, birth, List.of(), null, null,
                null, null, massar, null);
        // A dropout may hide child labour, a marriage, a family in crisis: the centre finds out why.
        Concern dropout = new Concern(ConcernCode.SCHOOL_DROPOUT, motif.certainty, null, null, false);
        RequestedService service = new RequestedService(SERVICE, centre,
                reason(motif, school, province, level, lastPresent, days), null);
        return new ChildProtectionMessage(header, child, identity, List.of(dropout),
                new Pathway(PathwayStage.DETECTION, EntryChannel.SCHOOL), List.of(service), null, List.of(),
                Status.requested());
    }

    /**
     * The row's school facts in words for the centre's social worker: the CPM has no member for
     * the pupil's school, level or absence, and the centre needs them to call the school.
     */
    private static String reason(Motif motif, String school, String province, String level, LocalDate lastPresent,
            Integer days) {
        StringBuilder reason = new StringBuilder(motif.reportedBy).append(school)
                .append(" (").append(province).append(")");
        if (level != null) {
            reason.append(", niveau ").append(level);
        }
        reason.append(" : dernière présence le ").append(lastPresent);
        if (days != null) {
            reason.append(", ").append(days).append(days == 1 ? " jour d'absence" : " jours d'absence");
        }
        return reason.append('.').toString();
    }

    private static UUID uuid(String text) {
        // UUID.fromString accepts forms such as 1-2-3-4-5: only the canonical 36-character form is an identity.
        if (!UUID_TEXT.matcher(text).matches()) {
            throw MappingException.invalid("identifiantLigne", "'" + text + "' is not a UUID"
                    + " (8-4-4-4-12 hexadecimal digits)");
        }
        return UUID.fromString(text);
    }

    private static String arabic(Values row, String column) {
        String name = row.limited(column, MAX_NAME, false);
        if (name != null && !EducationValues.hasArabicLetter(name)) {
            throw MappingException.invalid(column, "'" + name + "' has no letter of the Arabic script; the name in"
                    + " Latin script goes in the column without 'Arabe'");
        }
        return name;
    }

    /** When the school recorded the row: the card's sending time, and the day the pupil's age is computed on. */
    private static Instant reportedAt(Values row) {
        String text = row.required("dateSignalement");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw MappingException.invalid("dateSignalement", "'" + text + "' is not a date-time with its offset"
                    + " (e.g. 2026-11-28T18:30:00+01:00)");
        }
    }

    private static LocalDate date(Values row, String column) {
        String text = row.required(column);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(column, "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private static String province(Values row) {
        String province = row.required("province");
        if (!EducationValues.PROVINCE.matcher(province).matches()) {
            throw MappingException.invalid("province", "'" + province + "' is not an ISO 3166-2:MA code (e.g. MA-SAL)");
        }
        return province;
    }

    private static Motif motif(Values row) {
        String code = row.required("motif");
        for (Motif motif : Motif.values()) {
            if (motif.code.equals(code)) {
                return motif;
            }
        }
        throw MappingException.invalid("motif", "'" + code + "' is not one of abandon-scolaire, absence-prolongee");
    }

    /** Required for a long absence (its length is the point), optional for a dropout. */
    private static Integer absenceDays(Values row, Motif motif) {
        String text = motif == Motif.ABSENCE_PROLONGEE ? row.required("joursAbsence") : row.optional("joursAbsence");
        if (text == null) {
            return null;
        }
        int days;
        try {
            days = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > MAX_ABSENCE_DAYS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw MappingException.invalid("joursAbsence", "'" + text + "' is not a number of days from 1 to "
                    + MAX_ABSENCE_DAYS);
        }
        return days;
    }

    private static String emptyToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A row's values by column name; surrounding spaces are not part of a value, an empty value is absent. */
    private static final class Values {

        private final CSVRecord record;

        Values(CSVRecord record) {
            this.record = record;
        }

        String optional(String column) {
            return emptyToNull(record.get(HEADER.indexOf(column)));
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw MappingException.missing(column);
            }
            return value;
        }

        String limited(String column, int max, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value != null && value.length() > max) {
                throw MappingException.invalid(column, "is " + value.length() + " characters long, at most " + max
                        + " are allowed");
            }
            return value;
        }
    }
}
