package org.rabt.config.broker;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rabt.config.wiring.DeliveryProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code java -jar rabt.jar broker properties [--rabt.delivery.<setting>=<value>]...
 * [--rabt.amqp.sectors=police,gendarmerie] [--rabt.amqp.max-inbound-bytes=N]}: prints the broker properties an external Artemis
 * broker needs ({@link BrokerSettings}), with the same settings the hub's own properties would
 * give the embedded broker. Exits 0, or 2 on misuse.
 */
public final class BrokerCli {

    static final String USAGE = "usage: java -jar rabt.jar broker properties [--rabt.delivery.<setting>=<value>]... "
            + "[--rabt.amqp.sectors=<sector>,...] [--rabt.amqp.max-inbound-bytes=<bytes>]";

    private BrokerCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"properties".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--rabt.delivery.") && !argument.startsWith("--rabt.amqp.sectors=")
                    && !argument.startsWith("--rabt.amqp.max-inbound-bytes=") || equals < 0) {
                err.println("not a setting of the broker: " + argument + "\n" + USAGE);
                return 2;
            }
            given.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        try {
            Binder binder = new Binder(new MapConfigurationPropertySource(given));
            DeliveryProperties delivery = binder.bindOrCreate("rabt.delivery", DeliveryProperties.class);
            AmqpProperties amqp = binder.bindOrCreate("rabt.amqp", AmqpProperties.class);
            out.print(BrokerSettings.file(BrokerSettings.of(delivery, amqp.sectors(), amqp.maxInboundBytes())));
            return 0;
        } catch (BindException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String name = e.getProperty() == null ? e.getName().toString() : e.getProperty().getName().toString();
            err.println("cannot read " + name + ": " + cause.getMessage() + "\n" + USAGE);
            return 2;
        }
    }
}
