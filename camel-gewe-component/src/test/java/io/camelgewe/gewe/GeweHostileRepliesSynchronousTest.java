package io.camelgewe.gewe;

/**
 * Every hostile reply of {@link GeweHostileRepliesTest}, refused or cut off the same when the call is made on the
 * caller's thread over the classic HTTP client (synchronous=true): the size limit as the answer is read, the deadline
 * of a trickling answer (a paced call the caller's thread starts), the download that keeps the asynchronous client.
 */
class GeweHostileRepliesSynchronousTest extends GeweHostileRepliesTest {

    @Override
    protected void configure(GeweComponent gewe) {
        super.configure(gewe);
        gewe.getConfiguration().setSynchronous(true);
    }
}
