package org.rabt.config.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.rabt.config.caserecord.CaseRecordException;
import org.rabt.config.caserecord.CaseRecordProblem;
import org.rabt.config.caserecord.CentreCardRequest;

/**
 * The console's card form as posted: the fields of POST /api/v1/cards flattened into one form
 * (one concern, the new child's fields beside the card's), all text as the browser sends it.
 *
 * @param file           the child's file, for a child the centre knows (else the new child's fields)
 * @param idempotencyKey drawn when the form was shown, so that sending it twice sends one card
 */
public record CardForm(
        String type,
        String file,
        String receiver,
        String service,
        String reason,
        String dueBy,
        String stage,
        String concern,
        String familyNameLatin,
        String givenNameLatin,
        String familyNameArabic,
        String givenNameArabic,
        String birthDate,
        String sex,
        String civilStatusNumber,
        String nationalId,
        String follows,
        String idempotencyKey) {

    /**
     * An empty form of {@code type}, for the child of {@code file} or a new child; {@code follows}
     * the card a follow-up or evaluation is about, if any.
     */
    static CardForm blank(String type, String file, String follows) {
        return new CardForm(type, file, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                follows, UUID.randomUUID().toString());
    }

    public boolean forKnownChild() {
        return present(file);
    }

    /** The request the staff API would have received; a field the browser could not have sent right is refused by name. */
    CentreCardRequest toRequest() {
        CentreCardRequest.NewChild child = forKnownChild() ? null
                : new CentreCardRequest.NewChild(familyNameLatin, givenNameLatin, familyNameArabic, givenNameArabic,
                        date(birthDate, "child.birthDate"), null, present(sex) ? sex : null, nationalId, civilStatusNumber,
                        null, null);
        List<CentreCardRequest.ConcernEntry> concerns = present(concern)
                ? List.of(new CentreCardRequest.ConcernEntry(concern.trim(), null, null, null, null))
                : List.of();
        return new CentreCardRequest(type, present(receiver) ? receiver : null, uuid(file, "childFileId"), child,
                present(stage) ? number(stage, "stage") : null, null, concerns, null, date(dueBy, "dueBy"),
                present(service) ? service : null, present(reason) ? reason : null, uuid(follows, "follows"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate date(String value, String field) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            throw invalid(field, "not a date (YYYY-MM-DD): " + value.trim());
        }
    }

    private static UUID uuid(String value, String field) {
        if (!present(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException notAnId) {
            throw invalid(field, "not an id: " + value.trim());
        }
    }

    private static Integer number(String value, String field) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            throw invalid(field, "not a number: " + value.trim());
        }
    }

    private static CaseRecordException invalid(String field, String why) {
        return new CaseRecordException(CaseRecordProblem.INVALID_CARD_REQUEST, field, why);
    }
}
