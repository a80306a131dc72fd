namespace Autopilot.Core.Costs;

/// <summary>
/// The Redis side of the hourly window (COST-1): a sorted set per org, scored by the server's clock in milliseconds,
/// with members <c>reservationId|bytes</c> so that every query is its own entry (COST-6 not copied); and beside it an
/// index hash (id → bytes, plus the running total under <c>|used</c>) so no call has to read the whole window. The
/// index is derived data: when it is missing it is rebuilt from the sorted set. Each script runs atomically, so
/// concurrent reservations cannot both take the last bytes. Members are always built from the caller's decimal
/// text, never from Lua numbers (which would print large values in exponent form).
/// </summary>
internal static class CostWindowScripts
{
    /// <summary>
    /// Shared head of every script. KEYS[1] window, KEYS[2] index; ARGV[1] window ms. <c>load()</c> drops entries
    /// older than now − window (an entry exactly at the boundary stays) and returns the bytes used and whether
    /// anything changed; <c>save(used)</c> stores the total and extends both keys' lifetime.
    /// </summary>
    private const string Head = """
        local key, ids = KEYS[1], KEYS[2]
        local window = tonumber(ARGV[1])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local cutoff = '(' .. (now - window)
        local USED = '|used'
        local function bytes_of(member) return tonumber(string.match(member, '|(%d+)$')) or 0 end
        local function id_of(member) return string.match(member, '^(.*)|%d+$') end
        local function load()
          local used = tonumber(redis.call('HGET', ids, USED))
          if used == nil or redis.call('EXISTS', key) == 0 then
            redis.call('DEL', ids)
            redis.call('ZREMRANGEBYSCORE', key, '-inf', cutoff)
            used = 0
            for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
              used = used + bytes_of(member)
              redis.call('HSET', ids, id_of(member), string.match(member, '|(%d+)$'))
            end
            return used, true
          end
          local old = redis.call('ZRANGEBYSCORE', key, '-inf', cutoff)
          if #old == 0 then return used, false end
          for _, member in ipairs(old) do
            used = used - bytes_of(member)
            redis.call('HDEL', ids, id_of(member))
          end
          redis.call('ZREMRANGEBYSCORE', key, '-inf', cutoff)
          return used, true
        end
        local function save(used)
          redis.call('HSET', ids, USED, used)
          redis.call('PEXPIRE', key, window + 60000)
          redis.call('PEXPIRE', ids, window + 60000)
        end

        """;

    /// <summary>
    /// ARGV[2] estimated bytes, ARGV[3] budget, ARGV[4] reservation id ('' to only check), ARGV[5] 1 to reserve.
    /// Returns {status, used, existingBytes, server ms}: status 0 denied, 1 allowed (added when reserving), 2 the
    /// id is already in the window (an idempotent retry: used excludes it).
    /// </summary>
    public const string Reserve = Head + """
        local used, changed = load()
        local estimated, budget, id = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
        if id ~= '' then
          local existing = tonumber(redis.call('HGET', ids, id))
          if existing then
            if changed then save(used) end
            return {2, used - existing, existing, now}
          end
        end
        if used + estimated > budget then
          if changed then save(used) end
          return {0, used, 0, now}
        end
        if ARGV[5] == '1' then
          redis.call('ZADD', key, now, id .. '|' .. ARGV[2])
          redis.call('HSET', ids, id, ARGV[2])
          save(used + estimated)
        elseif changed then
          save(used)
        end
        return {1, used, 0, now}
        """;

    /// <summary>
    /// ARGV[2] reservation id, ARGV[3] actual bytes (-1 releases). Replaces the reservation's bytes keeping its
    /// timestamp, or removes it; an id not in the window is recorded now (never under-count).
    /// Returns {found, used after, server ms}.
    /// </summary>
    public const string Reconcile = Head + """
        local used = load()
        local id, actual = ARGV[2], tonumber(ARGV[3])
        local old = redis.call('HGET', ids, id)
        local score = now
        if old then
          local member = id .. '|' .. old
          score = redis.call('ZSCORE', key, member) or now
          redis.call('ZREM', key, member)
          redis.call('HDEL', ids, id)
          used = used - tonumber(old)
        end
        if actual >= 0 then
          redis.call('ZADD', key, score, id .. '|' .. ARGV[3])
          redis.call('HSET', ids, id, ARGV[3])
          used = used + actual
        end
        save(used)
        return {old and 1 or 0, used, now}
        """;

    /// <summary>
    /// ARGV[2..]: (id, bytes or -1 for a release, at ms) per operation recorded in memory during an outage. An id
    /// already in Redis gets these bytes at its Redis timestamp (or is removed); an unknown id is added at its own
    /// timestamp if that is still in the window. Idempotent, so a merge can be retried.
    /// Returns {used after the merge, server ms}.
    /// </summary>
    public const string Merge = Head + """
        local used = load()
        for i = 2, #ARGV, 3 do
          local id, bytes, at = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
          local old = redis.call('HGET', ids, id)
          local score = nil
          if old then
            local member = id .. '|' .. old
            score = redis.call('ZSCORE', key, member) or now
            redis.call('ZREM', key, member)
            redis.call('HDEL', ids, id)
            used = used - tonumber(old)
          elseif at >= now - window then
            score = ARGV[i + 2]
          end
          if bytes >= 0 and score then
            redis.call('ZADD', key, score, id .. '|' .. ARGV[i + 1])
            redis.call('HSET', ids, id, ARGV[i + 1])
            used = used + bytes
          end
        end
        save(used)
        return {used, now}
        """;
}
