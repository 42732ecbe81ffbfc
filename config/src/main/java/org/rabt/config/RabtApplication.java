package org.rabt.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Rabt, the interoperability hub of a provincial child-protection mechanism. {@code java -jar
 * rabt.jar} starts it on embedded defaults (broker, database and demo PKI under {@code ./data}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RabtApplication {

    public static void main(String[] args) {
        SpringApplication.run(RabtApplication.class, args);
    }
}
