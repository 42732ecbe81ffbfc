package org.rabt.caserecord.cards;

import com.zaxxer.hikari.HikariDataSource;
import org.rabt.caserecord.support.TestDatabases;

/** The card store on PostgreSQL, the production database (a real embedded PostgreSQL binary). */
class CardStoreOnPostgresTest extends CardStoreContract {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
