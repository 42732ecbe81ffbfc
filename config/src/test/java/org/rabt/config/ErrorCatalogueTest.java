package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rabt.config.operations.OperationsProblem;
import org.rabt.config.reports.ReportProblem;
import org.rabt.config.web.FallbackProblem;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.mappings.MappingError;
import org.rabt.security.SecurityError;

/** Every code the hub can answer with is explained in docs/errors.md, so a developer can look it up. */
class ErrorCatalogueTest {

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String catalogue = Files.readString(Path.of("..", "docs", "errors.md"));
        List<String> codes = new ArrayList<>();
        for (FallbackProblem problem : FallbackProblem.values()) {
            codes.add(problem.code());
        }
        for (MappingError error : MappingError.values()) {
            codes.add(error.code());
        }
        for (SecurityError error : SecurityError.values()) {
            codes.add(error.code());
        }
        for (IntakeError error : IntakeError.values()) {
            codes.add(error.code());
        }
        for (ReportProblem problem : ReportProblem.values()) {
            codes.add(problem.code());
        }
        for (OperationsProblem problem : OperationsProblem.values()) {
            codes.add(problem.code());
        }

        assertThat(codes).allSatisfy(code -> assertThat(catalogue).contains("| " + code + " |"));
    }
}
