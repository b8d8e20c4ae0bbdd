#include <iostream>
#include <vector>
#include <string>

namespace shapes {
template <typename T>
class Stack {
public:
    void push(const T& value) { items_.push_back(value); }
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
    T pop() { T v = items_.back(); items_.pop_back(); return v; }
private:
    std::vector<T> items_;
};
}  // namespace shapes

int main() {
    shapes::Stack<std::string> s;
    s.push("hello"); s.push(R"(raw "text")");
    auto lambda = [&s](int n) -> int { return n * 2; };
    while (!s.empty()) std::cout << s.pop() << '\n';
    return lambda(21) == 42 ? 0 : 1;
}
