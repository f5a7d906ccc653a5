package org.eventvfs.storage.local;

import org.eventvfs.testkit.BlockCollectionContractTest;
import org.eventvfs.testkit.StoreFixture;

class LocalBlockCollectionTest extends BlockCollectionContractTest {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
