package org.eventvfs.storage.postgres;

import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.VolumeLocksContractTest;

class PgVolumeLocksTest extends VolumeLocksContractTest {
    @Override
    protected StoreFixture fixture() {
        return new PgStoreFixture();
    }
}
