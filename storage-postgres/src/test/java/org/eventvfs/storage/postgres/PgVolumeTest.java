package org.eventvfs.storage.postgres;

import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.VolumeContractTest;

class PgVolumeTest extends VolumeContractTest {
    @Override
    protected StoreFixture fixture() {
        return new PgStoreFixture();
    }
}
