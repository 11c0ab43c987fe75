#pragma once
#include <list>
#include <unordered_map>
#include <utility>

/// A map of at most `capacity` entries that forgets the least recently used one to make room.
/// Not thread-safe: the owner locks.
template <class Key, class Value, class Hash = std::hash<Key>> class LruMap
{
public:
    explicit LruMap(std::size_t capacity) : m_capacity(capacity ? capacity : 1) {}

    /// Returns the entry for `key` (created with Value{} when absent) and marks it most recently used.
    Value& touch(const Key& key)
    {
        auto it = m_index.find(key);
        if (it != m_index.end()) {
            m_order.splice(m_order.begin(), m_order, it->second);
            return it->second->second;
        }
        if (m_index.size() >= m_capacity) {
            m_index.erase(m_order.back().first);
            m_order.pop_back();
        }
        m_order.emplace_front(key, Value{});
        m_index.emplace(key, m_order.begin());
        return m_order.front().second;
    }
    /// Returns the entry for `key` without changing the order, or nullptr.
    Value* find(const Key& key)
    {
        auto it = m_index.find(key);
        return it == m_index.end() ? nullptr : &it->second->second;
    }
    /// Forgets `key`.
    void erase(const Key& key)
    {
        auto it = m_index.find(key);
        if (it == m_index.end())
            return;
        m_order.erase(it->second);
        m_index.erase(it);
    }
    std::size_t size() const { return m_index.size(); }
    /// Calls `f(key, value&)` for every entry, most recently used first.
    template <class F> void forEach(F f)
    {
        for (auto& [key, value] : m_order)
            f(key, value);
    }

private:
    std::size_t m_capacity;
    std::list<std::pair<Key, Value>> m_order; ///< most recently used first
    std::unordered_map<Key, typename std::list<std::pair<Key, Value>>::iterator, Hash> m_index;
};
