package org.rabt.caserecord.cards;

import com.zaxxer.hikari.HikariDataSource;
import org.rabt.caserecord.support.TestDatabases;

/** The card store on the embedded default database. */
class CardStoreOnH2Test extends CardStoreContract {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.freshH2();
    }
}
