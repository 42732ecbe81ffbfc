package org.rabt.routes.batches;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.rabt.caserecord.batches.BatchRecord;
import org.rabt.routes.Json;
import org.rabt.routes.exchange.Problem;
import org.rabt.routes.exchange.Problems;
import org.rabt.routes.cluster.SingleNode;

/**
 * The background of education batches: a timer that processes the batches waiting (on whichever
 * node claims each first), and the watched directory where a school system drops
 * {@code <name>.csv} and then {@code <name>.csv.sig} (its base64 detached signature, as in the
 * {@code Rabt-Signature} header; the signature file's arrival says the batch is complete). A
 * verified file goes to {@code .done/} with a receipt beside it; a refused one to {@code .failed/}
 * with its problem document.
 */
public final class BatchRoutes extends RouteBuilder {

    public static final String PROCESS_ROUTE = "education-batches";
    public static final String DROP_ROUTE = "education-drop";

    private final EducationBatches batches;
    private final Problems problems;
    private final Path dropDir;
    private final Path spoolDir;

    public BatchRoutes(EducationBatches batches, Problems problems, Path dropDir, Path spoolDir) {
        this.batches = batches;
        this.problems = problems;
        this.dropDir = dropDir;
        this.spoolDir = spoolDir;
    }

    @Override
    public void configure() {
        from("timer:" + PROCESS_ROUTE + "?period=1000&delay=1000")
                .routeId(PROCESS_ROUTE)
                .process(exchange -> batches.processPending());

        from("file:" + dropDir.toAbsolutePath() + "?include=.*\\.csv&doneFileName=${file:name}.sig"
                + "&move=.done/${file:name}&moveFailed=.failed/${file:name}&readLock=none&delay=2000")
                .routeId(DROP_ROUTE)
                // one node reads the shared drop directory: two would both take a file (readLock=none)
                .routePolicyRef(SingleNode.POLICY)
                .onException(Exception.class)
                    .handled(false)
                    .logExhausted(false)
                    .process(this::writeProblem)
                    // not the exception's message: it may quote a row (a name, a birth date)
                    .log(LoggingLevel.WARN, "refused dropped batch ${header.CamelFileName}: see its .problem.json in"
                            + " .failed/")
                .end()
                .process(this::receiveDropped);
    }

    private void receiveDropped(Exchange exchange) throws Exception {
        Path file = dropped(exchange);
        String signature = Files.readString(file.resolveSibling(file.getFileName() + ".sig"), StandardCharsets.US_ASCII);
        // the hub keeps its own copy: the original is moved to .done by the file component
        Files.createDirectories(spoolDir);
        Path spooled = spoolDir.resolve(UUID.randomUUID() + ".part");
        Files.copy(file, spooled);
        BatchRecord batch = batches.receive(spooled, file.getFileName().toString(), "drop", null, signature);
        Path receipt = dropDir.resolve(".done").resolve(file.getFileName() + ".receipt.json");
        Files.createDirectories(receipt.getParent());
        Files.write(receipt, Json.bytes(java.util.Map.of("batchId", batch.id().toString(), "status", batch.state().code(),
                "statusUrl", "/exchange/v1/education/batches/" + batch.id())));
    }

    private void writeProblem(Exchange exchange) throws Exception {
        Path file = dropped(exchange);
        Problem problem = problems.problemForFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                file.getFileName().toString());
        problems.audit(problem, "drop:education", "education", null);
        Path target = dropDir.resolve(".failed").resolve(file.getFileName() + ".problem.json");
        Files.createDirectories(target.getParent());
        Files.write(target, Json.bytes(problem));
    }

    @SuppressWarnings("unchecked")
    private static Path dropped(Exchange exchange) {
        GenericFile<File> file = exchange.getIn().getBody(GenericFile.class);
        return file.getFile().toPath();
    }
}
