package org.rabt.config.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.rabt.caserecord.keys.BatchFileKeys;
import org.rabt.caserecord.keys.KeyCounts;
import org.rabt.caserecord.keys.StoredColumn;
import org.rabt.caserecord.keys.StoredValueKeys;
import org.rabt.caserecord.keys.Tally;
import org.rabt.config.HubProperties;
import org.rabt.config.exchange.BatchDirectories;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.rabt.security.atrest.FileCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every place the hub stores encrypted values (the case record's columns and the batch files), walked together. */
final class StoredKeys {

    private final Path directory;
    private final DataKeys keys;
    private final StoredValueKeys values;
    private final BatchFileKeys files;

    private StoredKeys(Path directory, DataKeys keys, StoredValueKeys values, BatchFileKeys files) {
        this.directory = directory;
        this.keys = keys;
        this.values = values;
        this.files = files;
    }

    /**
     * The data keys under {@code dataDir}, listed afresh (the newest is the one a rotation just
     * added); fails when there is none, before any database is opened.
     */
    static DataKeys keys(Path dataDir) {
        return DataKeys.open(new HubProperties(dataDir).dataKeysDir(), Clock.systemUTC());
    }

    /** The stored values of the hub whose database is {@code dataSource} and state is under {@code dataDir}. */
    static StoredKeys open(DataKeys keys, DataSource dataSource, Path dataDir) {
        Path directory = new HubProperties(dataDir).dataKeysDir();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new StoredKeys(directory, keys,
                new StoredValueKeys(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                        new FieldCipher(keys)),
                new BatchFileKeys(jdbc, new FileCipher(keys), BatchDirectories.under(dataDir).batches()));
    }

    Path directory() {
        return directory;
    }

    int newestKeyId() {
        return keys.currentId();
    }

    List<Tally> reencrypt(int pageSize) {
        List<Tally> tallies = new ArrayList<>();
        for (StoredColumn column : StoredColumn.values()) {
            tallies.add(values.reencrypt(column, pageSize));
        }
        tallies.add(files.reencrypt(pageSize));
        return tallies;
    }

    KeyCounts count(int pageSize) {
        KeyCounts counts = files.countByKey(pageSize);
        for (StoredColumn column : StoredColumn.values()) {
            counts = counts.plus(values.countByKey(column, pageSize));
        }
        return counts;
    }
}
