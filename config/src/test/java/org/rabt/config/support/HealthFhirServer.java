package org.rabt.config.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * The health sector's FHIR server in tests: a real HAPI FHIR {@link RestfulServer} on an embedded
 * Tomcat, speaking the real REST protocol. It processes transaction Bundles as a FHIR server
 * does — conditional creates ({@code ifNoneExist}) included — and keeps what it created in memory
 * with the hub's headers, for the test to look at.
 */
public final class HealthFhirServer implements AutoCloseable {

    /** A transaction the server processed, with the hub's headers and the exact bytes received. */
    public record Received(Bundle transaction, String cardId, String signature, byte[] body) {
    }

    /** The request attribute where the capturing filter keeps the raw body. */
    private static final String RAW_BODY = "rabt.test.rawBody";

    private final Tomcat tomcat = new Tomcat();
    private final TransactionProvider provider = new TransactionProvider();
    private int port;

    public static HealthFhirServer start() {
        HealthFhirServer server = new HealthFhirServer();
        server.run();
        return server;
    }

    private void run() {
        tomcat.setBaseDir(new File(System.getProperty("java.io.tmpdir"), "rabt-fhir-" + UUID.randomUUID()).getPath());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
        fhir.registerProvider(provider);
        Tomcat.addServlet(context, "fhir", fhir);
        context.addServletMappingDecoded("/fhir/*", "fhir");
        org.apache.tomcat.util.descriptor.web.FilterDef capture = new org.apache.tomcat.util.descriptor.web.FilterDef();
        capture.setFilterName("capture");
        capture.setFilter(new RawBodyFilter());
        context.addFilterDef(capture);
        org.apache.tomcat.util.descriptor.web.FilterMap map = new org.apache.tomcat.util.descriptor.web.FilterMap();
        map.setFilterName("capture");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
        port = tomcat.getConnector().getLocalPort();
    }

    /** The FHIR base the hub posts its transactions to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public List<Received> received() {
        return List.copyOf(provider.received);
    }

    /** The Task created for a card (its identifier is the card's id), if any. */
    public Task task(String cardId) {
        return provider.tasks.get("urn:uuid:" + cardId);
    }

    /** How many Patients the server holds: a conditional create does not duplicate one. */
    public int patientCount() {
        return provider.patients.size();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** A plain server provider: a transaction endpoint at the server's base. */
    public static final class TransactionProvider {

        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Map<String, Task> tasks = new ConcurrentHashMap<>();
        private final Map<String, Patient> patients = new ConcurrentHashMap<>();

        @Transaction
        public Bundle transaction(@TransactionParam Bundle transaction, HttpServletRequest request) {
            if (transaction.getType() != Bundle.BundleType.TRANSACTION) {
                throw new InvalidRequestException("expected a transaction Bundle, got " + transaction.getType());
            }
            Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            synchronized (this) {
                for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
                    response.addEntry().setResponse(store(entry));
                }
            }
            received.add(new Received(transaction, request.getHeader("Rabt-Card-Id"), request.getHeader("Rabt-Signature"),
                    (byte[]) request.getAttribute(RAW_BODY)));
            return response;
        }

        private Bundle.BundleEntryResponseComponent store(Bundle.BundleEntryComponent entry) {
            Resource resource = entry.getResource();
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                throw new InvalidRequestException("only creates are expected, got " + entry.getRequest().getMethod());
            }
            String type = resource.fhirType();
            if (resource instanceof Patient patient) {
                String key = key(patient.getIdentifierFirstRep());
                if (patients.putIfAbsent(key, patient) != null) {
                    return new Bundle.BundleEntryResponseComponent().setStatus("200 OK").setLocation("Patient/" + key);
                }
            }
            if (resource instanceof Task task) {
                tasks.put(task.getIdentifierFirstRep().getValue(), task);
            }
            return new Bundle.BundleEntryResponseComponent().setStatus("201 Created")
                    .setLocation(type + "/" + UUID.randomUUID() + "/_history/1");
        }

        private static String key(Identifier identifier) {
            return identifier.getSystem() + "|" + identifier.getValue();
        }
    }

    /**
     * Keeps the bytes the hub sent (before HAPI parses them), so that a test can check the hub's
     * signature over exactly what the health system received.
     */
    private static final class RawBodyFilter implements jakarta.servlet.Filter {

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
                jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
            byte[] body = request.getInputStream().readAllBytes();
            request.setAttribute(RAW_BODY, body);
            chain.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper((jakarta.servlet.http.HttpServletRequest) request) {
                @Override
                public jakarta.servlet.ServletInputStream getInputStream() {
                    java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
                    return new jakarta.servlet.ServletInputStream() {
                        @Override
                        public int read() {
                            return in.read();
                        }

                        @Override
                        public boolean isFinished() {
                            return in.available() == 0;
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setReadListener(jakarta.servlet.ReadListener listener) {
                            throw new UnsupportedOperationException();
                        }
                    };
                }

                @Override
                public java.io.BufferedReader getReader() {
                    return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }, response);
        }
    }
}
