// The rate limiter's memory and work under a flood of new keys (issue 16, item 2): pruning is amortized (a few
// entries looked at per request, never a scan of the map) and the number of windows is capped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RateLimiter } from '../src/rate-limit.js';

describe('rate limiter', () => {
  test('a flood of new keys costs a bounded amount of work per request and a bounded amount of memory', () => {
    let now = 0;
    const limiter = new RateLimiter(60_000, 10, () => now, 20_000);
    const legitimate = () => limiter.hit('partner:ptr_legitimate');
    // 200,000 made-up keys within one window (each would have started a count of its own), with a legitimate client
    // in between; then the clock moves on and another wave comes.
    let hits = 0;
    for (let wave = 0; wave < 2; wave++) {
      for (let index = 0; index < 100_000; index++) {
        limiter.hit(`address:10.${wave}.${index >> 8}.${index & 255}`);
        hits++;
        if (index % 10_000 === 0) {
          legitimate();
          hits++;
        }
        assert.ok(limiter.size <= 20_000, `at most 20,000 windows (${limiter.size})`);
      }
      now += 61_000;
    }
    // The old limiter scanned the whole map for every new key past 50,000: billions of visits. Here a few per request.
    const perHit = limiter.entriesVisited / hits;
    assert.ok(perHit <= 4, `${perHit.toFixed(2)} entries visited per request`);
  });

  test('counts per key and answers the seconds to wait', () => {
    let now = 1_000;
    const limiter = new RateLimiter(60_000, 2, () => now);
    assert.deepEqual([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')], [null, null, 60]);
    assert.equal(limiter.check('a'), 60, 'check reports the block without counting');
    assert.equal(limiter.hit('b'), null);
    now += 60_000;
    assert.equal(limiter.hit('a'), null, 'a new window');
  });
});
