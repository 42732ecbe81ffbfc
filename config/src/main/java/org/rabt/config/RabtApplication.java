package org.rabt.config;

import java.util.Arrays;
import java.util.stream.Stream;
import org.rabt.config.audit.AuditCli;
import org.rabt.config.broker.BrokerCli;
import org.rabt.config.install.InstallCli;
import org.rabt.config.keys.KeysCli;
import org.rabt.config.pki.PkiCli;
import org.rabt.config.staff.UsersCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Rabt, the interoperability hub of a provincial child-protection mechanism. {@code java -jar
 * rabt.jar} starts it on embedded defaults (broker, database and demo PKI under {@code ./data});
 * {@code java -jar rabt.jar audit verify FILE} checks an audit export offline; {@code java -jar
 * rabt.jar pki enrol|revoke ...} enrols or revokes a sector system's certificate; {@code java -jar
 * rabt.jar users add ...} adds a member of staff while the hub is stopped; {@code java -jar rabt.jar
 * keys rotate|reencrypt|retire} adds a key for encrypting stored cards, re-encrypts the stored values
 * under it and deletes keys no value names any more, while the hub runs or not; {@code java -jar
 * rabt.jar broker properties} prints the settings an external broker needs; {@code java -jar rabt.jar
 * install DIR} unpacks the hub into DIR with a class-data archive, for a faster start.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RabtApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "audit".equals(args[0])) {
            // offline tools run without starting the hub
            System.exit(AuditCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "pki".equals(args[0])) {
            System.exit(PkiCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(KeysCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "broker".equals(args[0])) {
            System.exit(BrokerCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "install".equals(args[0])) {
            System.exit(InstallCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "users".equals(args[0])) {
            System.exit(UsersCli.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(RabtApplication.class, withDemo(args));
    }

    /** {@code --demo} is short for {@code --rabt.demo=true}, which the settings read. */
    static String[] withDemo(String[] args) {
        if (Arrays.asList(args).contains("--demo")) {
            return Stream.concat(Arrays.stream(args), Stream.of("--rabt.demo=true")).toArray(String[]::new);
        }
        return args;
    }
}
