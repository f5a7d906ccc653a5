package org.eventvfs.storage.local;

import org.eventvfs.testkit.AuditContractTest;
import org.eventvfs.testkit.StoreFixture;

class LocalAuditTest extends AuditContractTest {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
