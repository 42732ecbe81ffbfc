package org.rabt.mappings.education;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rabt.mappings.education.EducationExamples.BATCH;
import static org.rabt.mappings.education.EducationExamples.example;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.TaskStatus;
import tools.jackson.databind.JsonNode;

class DropoutBatchReaderTest {

    static final String HEADER = String.join(",", DropoutBatchReader.HEADER);
    static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String GOOD_ID = "0f6b1c3e-2a4d-4c59-9e7b-3d2f1a0b9c8d";
    static final String OTHER_ID = "7c1e9a52-4b3d-4f6e-a1c2-5d8e9f0a1b2c";

    /** A valid row, long absence, with the given row id. */
    static String row(String id) {
        return id + ",J130012345,Amrani,Yassine,العمراني,ياسين,2013-05-17,M,1AC,Collège Al Jahid,MA-SAL,"
                + "absence-prolongee,2026-11-02,20,2026-11-28T18:30:00+01:00";
    }

    static List<BatchRow> read(String csv) {
        return read(csv, 1000);
    }

    static List<BatchRow> read(String csv, int maxRows) {
        List<BatchRow> rows = new ArrayList<>();
        try (DropoutBatchReader batch = DropoutBatchReader.open(new StringReader(csv), maxRows)) {
            batch.forEachRow(rows::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    static MappingException batchRefusal(String csv, int maxRows) {
        MappingException e = catchThrowableOfType(MappingException.class, () -> read(csv, maxRows));
        assertThat(e).as("a MappingException").isNotNull();
        return e;
    }

    static ChildProtectionMessage admitted(BatchRow row) {
        assertThat(row).isInstanceOf(BatchRow.Admitted.class);
        return ((BatchRow.Admitted) row).cpm();
    }

    static BatchRow.Rejected rejected(BatchRow row) {
        assertThat(row).isInstanceOf(BatchRow.Rejected.class);
        return (BatchRow.Rejected) row;
    }

    @Nested
    class TheExampleBatch {

        private final List<BatchRow> rows = new ArrayList<>();

        TheExampleBatch() throws IOException {
            try (DropoutBatchReader batch = DropoutBatchReader.open(new ByteArrayInputStream(example(BATCH)))) {
                batch.forEachRow(rows::add);
            }
        }

        @Test
        void admitsEveryRowNumberedFromLineTwo() {
            assertThat(rows).hasSize(5).allMatch(r -> r instanceof BatchRow.Admitted);
            assertThat(rows).extracting(BatchRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        }

        @Test
        void everyCardPassesTheCpmSchemaOnceThePseudonymIsSet() {
            CpmSchema schema = new CpmSchema();
            for (BatchRow row : rows) {
                schema.validate(admitted(row).withPseudonym(PSEUDONYM));
            }
        }

        @Test
        void aDropoutIsAConfirmedSchoolDropoutReportedByTheSchoolToTheCentreOfItsProvince() {
            ChildProtectionMessage cpm = admitted(rows.get(0));

            assertThat(cpm.header().messageId()).isEqualTo(UUID.fromString("490949da-cd76-46e5-b7ea-a9c6ab40f59a"));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.REPORTING);
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-28T17:30:00Z"));
            // The quoted school name keeps its comma.
            assertThat(cpm.header().sender()).isEqualTo(
                    new Party(SectorId.EDUCATION, "Collège Moulay Ismail, Meknès", null, "MA-MEK"));
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.CENTRE, null, null, "MA-MEK"));
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.SCHOOL_DROPOUT, Certainty.CONFIRMED, null, null, false));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.DETECTION);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.SCHOOL);
            assertThat(cpm.status().status()).isEqualTo(TaskStatus.REQUESTED);
        }

        @Test
        void thePupilIsIdentifiedByNamesBirthDateAndMassarCode() {
            ChildProtectionMessage cpm = admitted(rows.get(0));

            assertThat(cpm.child().pseudonym()).isNull();
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().birthYear()).isEqualTo(2011);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_15_TO_17);
            assertThat(cpm.child().province()).isEqualTo("MA-MEK");
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo("Ouazzani");
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Imane");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("الوزاني");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("إيمان");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2011-04-23"));
            assertThat(cpm.childProtected().schoolCode()).isEqualTo("D131204567");
            assertThat(cpm.childProtected().address()).isNull();
        }

        @Test
        void aLongAbsenceIsASuspectedDropoutAndTheServiceSaysWhereAndSinceWhen() {
            ChildProtectionMessage cpm = admitted(rows.get(1));

            assertThat(cpm.concerns().get(0).code()).isEqualTo(ConcernCode.SCHOOL_DROPOUT);
            assertThat(cpm.concerns().get(0).certainty()).isEqualTo(Certainty.SUSPECTED);
            assertThat(cpm.requestedServices()).hasSize(1);
            assertThat(cpm.requestedServices().get(0).serviceCode()).isEqualTo("school-reintegration");
            assertThat(cpm.requestedServices().get(0).target().sector()).isEqualTo(SectorId.CENTRE);
            assertThat(cpm.requestedServices().get(0).reason()).isEqualTo("Absence prolongée signalée par École"
                    + " primaire Al Qods (MA-MEK), niveau 5AP : dernière présence le 2026-11-03, 19 jours d'absence.");
        }
    }

    @Nested
    class BadRows {

        @Test
        void areReportedByLineWithCodeAndColumnWhileTheGoodOnesPass() {
            String csv = HEADER + "\n"
                    + row(GOOD_ID) + "\n"
                    + row("b1f0c5a4-1111-4e2a-9c3d-000000000003").replace("Amrani", "") + "\n"
                    + row("b1f0c5a4-1111-4e2a-9c3d-000000000004").replace("2013-05-17", "17/05/2013") + "\n"
                    + row("b1f0c5a4-1111-4e2a-9c3d-000000000005").replace("absence-prolongee", "redoublement") + "\n"
                    + row("not-a-uuid") + "\n"
                    + row(GOOD_ID) + "\n"
                    + row(OTHER_ID) + "\n";

            List<BatchRow> rows = read(csv);

            assertThat(rows).extracting(BatchRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(admitted(rows.get(0)).header().messageId()).isEqualTo(UUID.fromString(GOOD_ID));
            assertRejected(rows.get(1), 3, MappingError.MISSING_ELEMENT, "nom");
            assertRejected(rows.get(2), 4, MappingError.INVALID_VALUE, "dateNaissance");
            assertRejected(rows.get(3), 5, MappingError.INVALID_VALUE, "motif");
            assertRejected(rows.get(4), 6, MappingError.INVALID_VALUE, "identifiantLigne");
            BatchRow.Rejected duplicate = assertRejected(rows.get(5), 7, MappingError.INVALID_VALUE, "identifiantLigne");
            assertThat(duplicate.reason()).contains("line 2");
            assertThat(admitted(rows.get(6)).header().messageId()).isEqualTo(UUID.fromString(OTHER_ID));
        }

        private BatchRow.Rejected assertRejected(BatchRow row, long line, MappingError error, String field) {
            BatchRow.Rejected rejected = rejected(row);
            assertThat(rejected.line()).isEqualTo(line);
            assertThat(rejected.error()).isEqualTo(error);
            assertThat(rejected.code()).isEqualTo(error.code());
            assertThat(rejected.field()).isEqualTo(field);
            assertThat(rejected.reason()).startsWith("line " + line + ":").contains(field);
            return rejected;
        }

        @Test
        void aRejectedRowKeepsItsIdentifierSoTheSchoolCanFindIt() {
            String id = "b1f0c5a4-1111-4e2a-9c3d-000000000009";

            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(id).replace("MA-SAL", "Salé")).get(0));

            assertThat(rejected.rowId()).isEqualTo(id);
            assertThat(rejected.field()).isEqualTo("province");
        }

        @Test
        void aRowWithTheWrongNumberOfValuesBreaksTheSchemaAsAWhole() {
            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(GOOD_ID) + ",extra\n").get(0));

            assertThat(rejected.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(rejected.field()).isNull();
            assertThat(rejected.reason()).contains("16 values").contains("15 columns");
        }

        @Test
        void aLongAbsenceWithoutItsNumberOfDaysIsMissingIt() {
            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(GOOD_ID).replace(",20,", ",,")).get(0));

            assertThat(rejected.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(rejected.field()).isEqualTo("joursAbsence");
        }

        @Test
        void anAdultIsRefused() {
            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(GOOD_ID).replace("2013-05-17", "2007-01-02"))
                    .get(0));

            assertThat(rejected.field()).isEqualTo("dateNaissance");
            assertThat(rejected.reason()).contains("18 or older");
        }

        @Test
        void aLatinNameInTheArabicColumnIsRefused() {
            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(GOOD_ID).replace("العمراني", "Amrani"))
                    .get(0));

            assertThat(rejected.field()).isEqualTo("nomArabe");
        }

        @Test
        void aReportingTimeWithoutOffsetIsRefused() {
            BatchRow.Rejected rejected = rejected(read(HEADER + "\n" + row(GOOD_ID).replace("+01:00", "")).get(0));

            assertThat(rejected.field()).isEqualTo("dateSignalement");
        }

        @Test
        void blankLinesAreNoRowsButCountInTheLineNumbers() {
            List<BatchRow> rows = read(HEADER + "\r\n\r\n" + row(GOOD_ID) + "\r\n\r\n");

            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).line()).isEqualTo(3);
        }
    }

    @Nested
    class Quoting {

        @Test
        void aQuotedLineBreakStaysInTheValueAndTheNextRowKeepsItsEditorLineNumber() {
            String csv = HEADER + "\n"
                    + row(GOOD_ID).replace("Collège Al Jahid", "\"Collège Al Jahid\nannexe de Hay Karima\"") + "\n"
                    + row(OTHER_ID).replace("Amrani", "") + "\n";

            List<BatchRow> rows = read(csv);

            assertThat(admitted(rows.get(0)).header().sender().organisation())
                    .isEqualTo("Collège Al Jahid\nannexe de Hay Karima");
            assertThat(rows.get(0).line()).isEqualTo(2);
            assertThat(rejected(rows.get(1)).line()).isEqualTo(4);
        }

        @Test
        void aQuotedCommaAndADoubledQuoteStayInTheValue() {
            String csv = HEADER + "\n"
                    + row(GOOD_ID).replace("Collège Al Jahid", "\"Collège \"\"Al Jahid\"\", Salé\"") + "\n";

            ChildProtectionMessage cpm = admitted(read(csv).get(0));

            assertThat(cpm.header().sender().organisation()).isEqualTo("Collège \"Al Jahid\", Salé");
        }

        @Test
        void anUnclosedQuoteStopsTheBatchAtItsLineAfterTheRowsBefore() {
            String csv = HEADER + "\n" + row(GOOD_ID) + "\n"
                    + row(OTHER_ID).replace("Collège Al Jahid", "\"Collège Al Jahid") + "\n";
            List<BatchRow> before = new ArrayList<>();

            MappingException e = catchThrowableOfType(MappingException.class, () -> {
                try (DropoutBatchReader batch = DropoutBatchReader.open(new StringReader(csv), 10)) {
                    batch.forEachRow(before::add);
                }
            });

            assertThat(before).hasSize(1);
            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
            assertThat(e.field()).isEqualTo("ligne 3");
        }
    }

    @Nested
    class WholeBatchErrors {

        @Test
        void aWrongHeaderRefusesTheBatchBeforeAnyRow() {
            MappingException e = batchRefusal(HEADER.replace("codeMassar", "massar") + "\n" + row(GOOD_ID), 10);

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("ligne 1");
            assertThat(e.detail()).contains("column 2 is 'massar' where 'codeMassar' is expected");
        }

        @Test
        void aHeaderWithAMissingColumnRefusesTheBatch() {
            String shorter = HEADER.substring(0, HEADER.lastIndexOf(','));

            MappingException e = batchRefusal(shorter + "\n", 10);

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.detail()).contains("14 columns where 15 are expected");
        }

        @Test
        void anEmptyBatchHasNoHeader() {
            MappingException e = batchRefusal("", 10);

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("ligne 1");
        }

        @Test
        void aByteOrderMarkBeforeTheHeaderIsTolerated() {
            assertThat(read("\uFEFF" + HEADER + "\n" + row(GOOD_ID))).hasSize(1);
        }

        @Test
        void aRowBeyondTheLimitStopsTheBatchAtItsLineAfterTheRowsBefore() {
            String csv = HEADER + "\n" + row(GOOD_ID) + "\n" + row(OTHER_ID) + "\n"
                    + row("b1f0c5a4-1111-4e2a-9c3d-000000000004") + "\n";
            List<BatchRow> before = new ArrayList<>();

            MappingException e = catchThrowableOfType(MappingException.class, () -> {
                try (DropoutBatchReader batch = DropoutBatchReader.open(new StringReader(csv), 2)) {
                    batch.forEachRow(before::add);
                }
            });

            assertThat(before).hasSize(2);
            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("ligne 4");
        }

        @Test
        void bytesThatAreNotUtf8StopTheBatch() {
            byte[] latin1 = (HEADER + "\n" + row(GOOD_ID).replace("Collège", "Coll\u00e8ge") + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

            MappingException e = catchThrowableOfType(MappingException.class, () -> {
                try (DropoutBatchReader batch = DropoutBatchReader.open(new ByteArrayInputStream(latin1))) {
                    batch.forEachRow(row -> { });
                }
            });

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void closingTheReaderClosesTheStream() throws IOException {
            AtomicBoolean closed = new AtomicBoolean();
            InputStream in = new ByteArrayInputStream((HEADER + "\n").getBytes(UTF_8)) {
                @Override
                public void close() {
                    closed.set(true);
                }
            };

            DropoutBatchReader.open(in).close();

            assertThat(closed).isTrue();
        }
    }

    /** The machine-readable spec the schools' developers get says what the reader does. */
    @Nested
    class TheSpecFile {

        private final JsonNode spec = EducationExamples.tree(
                EducationExamples.resource("/education/lot-abandons-v1.csv-spec.json"));

        @Test
        void givesTheExactHeaderLineAndOneEntryPerColumnInOrder() {
            assertThat(spec.get("enTete").asString()).isEqualTo(HEADER);
            List<String> names = new ArrayList<>();
            spec.get("colonnes").forEach(column -> names.add(column.get("nom").asString()));
            assertThat(names).isEqualTo(DropoutBatchReader.HEADER);
        }

        @Test
        void givesTheLimitsTheReaderApplies() {
            assertThat(spec.get("lignesMaximum").asInt()).isEqualTo(DropoutBatchReader.DEFAULT_MAX_ROWS);
            assertThat(spec.get("caracteresParLigneMaximum").asInt()).isEqualTo(DropoutBatchReader.MAX_ROW_CHARACTERS);
        }

        @Test
        void listsTheKindsTheReaderAccepts() {
            List<String> kinds = new ArrayList<>();
            spec.at("/colonnes/11/valeurs").forEach(v -> kinds.add(v.asString()));
            assertThat(kinds).containsExactly("abandon-scolaire", "absence-prolongee");
            for (String kind : kinds) {
                assertThat(read(HEADER + "\n" + row(GOOD_ID).replace("absence-prolongee", kind)).get(0))
                        .isInstanceOf(BatchRow.Admitted.class);
            }
        }
    }

    /**
     * A batch of 100,000 rows, generated as it is read (it never exists whole, in memory or on
     * disk), streams through: the consumer only counts and the rows come in order, one at a time,
     * with one bad row in every ten thousand reported at its line while the others go on.
     */
    @Nested
    class ALargeBatch {

        static final int ROWS = 100_000;
        static final int EVERY_BAD = 10_000;

        @Test
        void streamsThroughRowByRow() throws IOException {
            AtomicLong admitted = new AtomicLong();
            List<Long> rejectedLines = new ArrayList<>();
            AtomicLong lastLine = new AtomicLong();

            try (DropoutBatchReader batch = DropoutBatchReader.open(new GeneratedBatch(ROWS, EVERY_BAD), ROWS)) {
                batch.forEachRow(row -> {
                    assertThat(row.line()).isEqualTo(lastLine.get() == 0 ? 2 : lastLine.get() + 1);
                    lastLine.set(row.line());
                    if (row instanceof BatchRow.Admitted) {
                        admitted.incrementAndGet();
                    } else {
                        rejectedLines.add(row.line());
                    }
                });
            }

            assertThat(admitted.get()).isEqualTo(ROWS - ROWS / EVERY_BAD);
            assertThat(rejectedLines).hasSize(ROWS / EVERY_BAD).first().isEqualTo((long) EVERY_BAD + 1);
            assertThat(lastLine.get()).isEqualTo(ROWS + 1);
        }
    }

    /** The header, then {@code rows} rows made on demand; every {@code everyBad}-th has no family name. */
    static final class GeneratedBatch extends InputStream {

        private final int rows;
        private final int everyBad;
        private int made = -1;
        private byte[] current = new byte[0];
        private int position;

        GeneratedBatch(int rows, int everyBad) {
            this.rows = rows;
            this.everyBad = everyBad;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position == current.length) {
                if (made == rows) {
                    return false;
                }
                String line = made < 0 ? HEADER : row(String.format("%08x-0000-4000-8000-%012x", made, made));
                made++;
                if (made > 0 && made % everyBad == 0) {
                    line = line.replace("Amrani", "");
                }
                current = (line + "\r\n").getBytes(UTF_8);
                position = 0;
            }
            return true;
        }
    }
}
