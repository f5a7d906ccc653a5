package org.eventvfs.storage.postgres;

import org.eventvfs.testkit.AuditContractTest;
import org.eventvfs.testkit.StoreFixture;

class PgAuditTest extends AuditContractTest {
    @Override
    protected StoreFixture fixture() {
        return new PgStoreFixture();
    }
}
