# nlohmann/json as the target `cjd::nlohmann_json`.
# Natively the installed CMake package is used. Under Emscripten that package adds
# /usr/include to the include path, which breaks em++ (glibc headers), so the target
# points at a build-dir folder that holds only a link to the nlohmann headers.
if(EMSCRIPTEN)
  set(CJD_NLOHMANN_DIR "/usr/include/nlohmann" CACHE PATH "Folder holding nlohmann/json.hpp")
  if(NOT EXISTS "${CJD_NLOHMANN_DIR}/json.hpp")
    message(FATAL_ERROR "nlohmann/json not found in ${CJD_NLOHMANN_DIR} (apt-get install nlohmann-json3-dev)")
  endif()
  set(_cjd_json_include "${CMAKE_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${_cjd_json_include}")
  file(CREATE_LINK "${CJD_NLOHMANN_DIR}" "${_cjd_json_include}/nlohmann" SYMBOLIC)
  add_library(cjd_nlohmann_json INTERFACE)
  target_include_directories(cjd_nlohmann_json SYSTEM INTERFACE "${_cjd_json_include}")
  add_library(cjd::nlohmann_json ALIAS cjd_nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(cjd::nlohmann_json ALIAS nlohmann_json::nlohmann_json)
endif()
