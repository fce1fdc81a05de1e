#include <vector>
namespace demo {
template <typename T> class Box { public: T value; };
}
auto box = std::make_unique<int>(1); // C++
