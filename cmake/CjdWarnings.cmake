# Strict warnings and the optional sanitizers, applied target by target.
function(cjd_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_17)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(CJD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(EMSCRIPTEN)
    # Exceptions must be on in every object and link of the module, or the link fails; native
    # wasm exceptions are smaller and faster than the JavaScript-emulated kind.
    target_compile_options(${target} PUBLIC -fwasm-exceptions)
    target_link_options(${target} PUBLIC -fwasm-exceptions)
  endif()
  if(CJD_BUILD_FUZZERS)
    # Coverage for libFuzzer in every object; the fuzz targets add the libFuzzer main.
    target_compile_options(${target} PUBLIC -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
  if(CJD_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
