package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.missing;
import static org.rabt.mappings.health.FhirValues.text;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * Reads health's status reports: the Task of a referral, as the health system updated it, in
 * FHIR R4 JSON. The card is named by the Task's identifier (the card id the hub gave it); the
 * status is {@code Task.status}, with {@code businessStatus.text} in the system's own words and
 * {@code statusReason.text} (else the first {@code output} with a {@code valueString}) as the
 * reason or outcome, and {@code lastModified} as the time of the change. Parsed as strictly as a
 * card.
 *
 * <p>Thread-safe and reusable.
 */
public final class FhirTaskStatusReader {

    private static final String TASK = "Task";

    private final FhirContext r4;
    private final FhirBundleValidator validator;

    public FhirTaskStatusReader(FhirContext r4) {
        this(r4, null);
    }

    /** @param validator to validate each Task against base R4 first, or {@code null} */
    public FhirTaskStatusReader(FhirContext r4, FhirBundleValidator validator) {
        Objects.requireNonNull(r4, "r4");
        if (r4.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("an R4 FhirContext is required, not " + r4.getVersion().getVersion());
        }
        this.r4 = r4;
        this.validator = validator;
    }

    /**
     * Fails with a coded {@link MappingException}: UNPARSEABLE (not JSON), INVALID_FHIR (not a
     * valid FHIR R4 Task), MISSING_ELEMENT (no card id, no status, no lastModified) or
     * INVALID_VALUE (a status a receiver cannot report, a time without its zone, a text too
     * long), naming the element.
     */
    public TaskStatusUpdate read(byte[] body) {
        Objects.requireNonNull(body, "body");
        Task task = StrictFhirJson.parse(r4, body, Task.class);
        if (validator != null) {
            validator.validate(task);
        }
        UUID cardId = cardId(task);
        StatusReport report = new StatusReport(cardId, status(task),
                text(task.getBusinessStatus().getText(), 200, TASK + ".businessStatus.text"),
                reason(task));
        return new TaskStatusUpdate(cardId, report, lastModified(task));
    }

    /** The first identifier with system urn:ietf:rfc:3986: the card id the hub wrote there. */
    private static UUID cardId(Task task) {
        List<Identifier> identifiers = task.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            if (RabtFhir.RFC_3986.equals(identifiers.get(i).getSystem())) {
                return FhirValues.urnUuid(identifiers.get(i).getValue(), TASK + ".identifier[" + i + "].value");
            }
        }
        throw missing(TASK + ".identifier", "the card id, as {system urn:ietf:rfc:3986, value urn:uuid:<card id>},"
                + " as the hub wrote it on the Task");
    }

    /** When health changed the Task: a time with its zone, not a bare date. */
    private static Instant lastModified(Task task) {
        String field = TASK + ".lastModified";
        if (!task.hasLastModified()) {
            throw MappingException.missing(field);
        }
        DateTimeType value = task.getLastModifiedElement();
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.SECOND.ordinal()) {
            throw MappingException.invalid(field, "'" + value.getValueAsString()
                    + "' is not a time to the second with its time zone");
        }
        return FhirValues.instant(value, field);
    }

    /**
     * What a receiver can report: every state of a referral someone else asked for.
     * {@code requested} is where the hub left it (a server that echoes the Task as created reports
     * nothing new, but nothing false either); draft, ready and entered-in-error are not states of
     * such a referral.
     */
    private static TaskStatus status(Task task) {
        String field = TASK + ".status";
        if (!task.hasStatus()) {
            throw MappingException.missing(field);
        }
        return switch (task.getStatus()) {
            case REQUESTED -> TaskStatus.REQUESTED;
            case RECEIVED -> TaskStatus.RECEIVED;
            case ACCEPTED -> TaskStatus.ACCEPTED;
            case REJECTED -> TaskStatus.REJECTED;
            case INPROGRESS -> TaskStatus.IN_PROGRESS;
            case ONHOLD -> TaskStatus.ON_HOLD;
            case COMPLETED -> TaskStatus.COMPLETED;
            case FAILED -> TaskStatus.FAILED;
            case CANCELLED -> TaskStatus.CANCELLED;
            case DRAFT, READY, ENTEREDINERROR, NULL -> throw MappingException.invalid(field, "'"
                    + task.getStatus().toCode() + "' is not a status a receiver reports: requested, received,"
                    + " accepted, rejected, in-progress, on-hold, completed, failed or cancelled");
        };
    }

    /** Why it was rejected, failed or put on hold, or what came of it: statusReason first, else an output. */
    private static String reason(Task task) {
        String statusReason = text(task.getStatusReason().getText(), 2000, TASK + ".statusReason.text");
        if (statusReason != null) {
            return statusReason;
        }
        List<Task.TaskOutputComponent> outputs = task.getOutput();
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).getValue() instanceof StringType value && value.hasValue()) {
                String output = text(value.getValue(), 2000, TASK + ".output[" + i + "].valueString");
                if (output != null) {
                    return output;
                }
            }
        }
        return null;
    }
}
